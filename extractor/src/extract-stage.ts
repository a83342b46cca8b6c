import { UsageError, type Stage } from '@indicia/core';
import { extractPage, type ExtractOptions } from './extract-page.js';
import { asCountryCode } from './phone-number-parsing.js';
import { siteConfigSchema } from './site-config.js';

/**
 * The extract stage: page.captured → ad.extracted (when the page is an ad) and one domain.seen per
 * registrable domain. Deterministic, so a redelivered capture emits the same messages again and the
 * sinks' upserts absorb them.
 */
export function createExtractStage(options: ExtractOptions = {}): Stage<'page.captured'> {
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
  return {
    name: 'extract',
    consumes: 'page.captured',
    produces: ['ad.extracted', 'domain.seen'],
    async handle(message, ctx) {
      const extraction = extractPage(message.payload, options);
      ctx.log.debug({ captureId: message.payload.captureId, kind: extraction.kind, reasons: extraction.reasons, indicators: extraction.ad?.indicators.length ?? 0 }, 'page extracted');
      if (extraction.ad) await ctx.emit('ad.extracted', extraction.ad);
      for (const domain of extraction.domains) await ctx.emit('domain.seen', domain);
    },
  };
}
