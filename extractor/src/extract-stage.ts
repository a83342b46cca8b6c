import { UsageError, type AdImage, type PageCaptured, type Stage } from '@indicia/core';
import { extractPage, type ExtractOptions, type PageExtraction } from './extract-page.js';
import { ExtractionPool } from './extraction-pool.js';
import { OcrPool, type OcrPoolOptions } from './images/ocr-pool.js';
import { ImageReader } from './images/image-reader.js';
import { asCountryCode } from './phone-number-parsing.js';
import { siteConfigSchema } from './site-config.js';

export interface ExtractStageOptions extends Omit<ExtractOptions, 'imageReadings'> {
  /** OCR of the pages' images (workers, timeouts); the pool starts with the first image. */
  ocr?: OcrPoolOptions;
  /** Images with more pixels are recorded as failed. Default 40 million. */
  maxImagePixels?: number;
  /**
   * Worker threads extraction runs on (see ExtractionPool); 0, the default, extracts in the
   * calling thread. Attach the stage with its `concurrency` so every worker always has pages.
   */
  workers?: number;
}

/** Pages in flight per extraction worker: a batch it runs and a batch waiting (see ExtractionPool). */
const pagesInFlightPerWorker = 16;

/** The extract stage and the concurrency to attach it with. */
export interface ExtractStage extends Stage<'page.captured'> {
  /**
   * Messages to handle at once. With workers, 16 per worker: the pool batches what is in flight,
   * and only with enough in flight does each worker keep a batch queued while results travel and
   * the main thread wake once per batch rather than per page (2 workers did about 2,350 pages/s
   * with 2 pages per worker and one message per page, about 3,170 so: bench/extract.mjs). Without
   * workers, 2: one page's images are read while another is extracted.
   */
  readonly concurrency: number;
}

/**
 * The extract stage: page.captured → ad.extracted (when the page is an ad) and one domain.seen per
 * registrable domain. Deterministic, so a redelivered capture emits the same messages again and the
 * sinks' upserts absorb them.
 */
export function createExtractStage(stageOptions: ExtractStageOptions = {}): ExtractStage {
  const { workers = 0, ocr: ocrOptions, maxImagePixels, ...options } = stageOptions;
  options.siteConfigs?.forEach((config, index) => {
    const parsed = siteConfigSchema.safeParse(config);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(`site config ${index + 1} (${String(config.host)}): ${issue?.path.join('.') || 'value'} ${issue?.message ?? 'is invalid'}`);
    }
  });
  if (options.defaultCountry !== undefined && !asCountryCode(options.defaultCountry)) {
    throw new UsageError(`default country "${options.defaultCountry}" is not an ISO 3166-1 alpha-2 code libphonenumber knows`);
  }
  if (!Number.isInteger(workers) || workers < 0) throw new UsageError(`extract workers must be a whole number, 0 or more (got ${workers})`);
  const pool = workers > 0 ? new ExtractionPool({ workers, extractOptions: options }) : null;
  const ocr = new OcrPool(ocrOptions);
  const reader = new ImageReader({ ocr, ...(maxImagePixels !== undefined ? { maxPixels: maxImagePixels } : {}) });
  const read = (page: PageCaptured): Promise<AdImage[]> => (page.images.length > 0 ? reader.read(page.images) : Promise.resolve([]));
  const extract = (page: PageCaptured, images: AdImage[]): Promise<PageExtraction> =>
    pool ? pool.extractPage(page, images) : Promise.resolve(extractPage(page, { ...options, imageReadings: images }));
  return {
    name: 'extract',
    consumes: 'page.captured',
    produces: ['ad.extracted', 'domain.seen'],
    concurrency: workers > 0 ? workers * pagesInFlightPerWorker : 2,
    async handle(message, ctx) {
      // Images are read here, OCR on its own pool, before the page goes to an extraction worker.
      const images = await read(message.payload);
      const extraction = await extract(message.payload, images);
      ctx.log.debug({ captureId: message.payload.captureId, kind: extraction.kind, reasons: extraction.reasons, indicators: extraction.ad?.indicators.length ?? 0 }, 'page extracted');
      if (extraction.ad) await ctx.emit('ad.extracted', extraction.ad);
      for (const domain of extraction.domains) await ctx.emit('domain.seen', domain);
    },
    async close() {
      await Promise.all([pool?.close(), ocr.close()]);
    },
  };
}
