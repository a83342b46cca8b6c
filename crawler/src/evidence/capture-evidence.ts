import { captureIdFor, sha256Hex } from '@indicia/core';
import type { BrowserCapture } from '../browser/capture-page.js';
import type { FetchedResource } from '../http-fetcher.js';
import { browserExchangeAsHttp } from './browser-exchange.js';
import { CustodyLog, type CaptureCustody } from './custody-log.js';
import type { WarcLocation } from './warc-record-format.js';
import { WarcWriter } from './warc-writer.js';

export interface CaptureEvidenceOptions {
  dataDir: string;
  /** `Indicia/<version>`: written in every warcinfo and the run's metadata record. */
  software: string;
  runId: string;
  /** The run's settings as recorded (credentials removed): their sha256 goes in the metadata record. */
  recordedSettings: unknown;
  /** The proxy every fetch went through, credentials removed; null for direct. */
  proxy: string | null;
  operator: string | null;
  caseId: string | null;
  maxWarcFileBytes?: number;
}

/**
 * The evidence of one crawl run: every fetch (HTTP hops, browser exchanges, images, robots.txt)
 * as WARC records, the screenshots as resource records, one metadata record with the run's
 * settings hash, and one custody entry per capture chaining its records' hashes to the previous
 * entry. A fetch is written once however many callers ask (the same image on many pages).
 */
export class CaptureEvidence {
  private readonly written = new WeakMap<FetchedResource, Promise<WarcLocation[]>>();

  private constructor(
    private readonly warc: WarcWriter,
    private readonly custody: CustodyLog,
    readonly runMetadata: WarcLocation,
  ) {}

  static async open(options: CaptureEvidenceOptions): Promise<CaptureEvidence> {
    const warcinfo: Record<string, string> = { isPartOf: `urn:indicia:run:${options.runId}` };
    if (options.operator) warcinfo.operator = options.operator;
    const warc = await WarcWriter.open({ dataDir: options.dataDir, software: options.software, warcinfo, ...(options.maxWarcFileBytes ? { maxFileBytes: options.maxWarcFileBytes } : {}) });
    let custody: CustodyLog;
    try {
      custody = await CustodyLog.open(options.dataDir);
    } catch (error) {
      await warc.close();
      throw error;
    }
    const runMetadata = await warc.writeMetadata({
      targetUri: `urn:indicia:run:${options.runId}`,
      fields: {
        settingsSha256: sha256Hex(JSON.stringify(options.recordedSettings)),
        toolVersion: options.software,
        proxy: options.proxy,
        runId: options.runId,
        ...(options.operator ? { operator: options.operator } : {}),
        ...(options.caseId ? { caseId: options.caseId } : {}),
        settings: options.recordedSettings,
      },
    });
    const evidence = new CaptureEvidence(warc, custody, runMetadata);
    // The metadata record is vouched for by the chain like any capture: the settings behind a run are evidence too.
    await evidence.recordCustody({ captureId: `run:${options.runId}`, url: `urn:indicia:run:${options.runId}`, warc: [runMetadata] });
    return evidence;
  }

  /** The redirect hops and the final exchange of an HTTP fetch; once per fetch. */
  recordFetch(fetched: FetchedResource): Promise<WarcLocation[]> {
    let locations = this.written.get(fetched);
    if (!locations) {
      locations = this.writeFetch(fetched);
      this.written.set(fetched, locations);
    }
    return locations;
  }

  /**
   * A fetch that is no page capture of its own (robots.txt): written, and given a custody entry
   * so that every record in the WARC files is vouched for by the chain.
   */
  async recordStandaloneFetch(fetched: FetchedResource): Promise<void> {
    const warc = await this.recordFetch(fetched);
    const fetchedAt = fetched.startedAt.toISOString();
    await this.recordCustody({ captureId: captureIdFor(fetched.url, fetchedAt, sha256Hex(fetched.body)), url: fetched.url, warc });
  }

  /** A browser capture's exchanges (document first) and its screenshot, as a resource record next to the document's response. */
  async recordBrowserCapture(capture: BrowserCapture): Promise<WarcLocation[]> {
    const locations: WarcLocation[] = [];
    let documentResponse: string | undefined;
    for (const exchange of capture.exchanges) {
      const written = await this.warc.writeExchange(browserExchangeAsHttp(exchange));
      documentResponse ??= written.response.recordId;
      locations.push(written.request, written.response);
    }
    // How the render went belongs with it: a court reader asks whether the page had finished loading.
    locations.push(
      await this.warc.writeMetadata({
        targetUri: capture.url,
        fields: {
          settled: capture.settled,
          unsettledReason: capture.unsettledReason,
          scrollRounds: capture.scrollRounds,
          blockedRequests: capture.blockedCount,
          exchangesNotRecorded: capture.exchangesDropped + capture.exchangesUnrecorded,
          attempts: capture.attempts,
          startedAt: capture.startedAt.toISOString(),
          finishedAt: capture.finishedAt.toISOString(),
        },
        date: capture.finishedAt,
        ...(documentResponse ? { concurrentTo: documentResponse } : {}),
      }),
      await this.warc.writeResource({
        targetUri: capture.url,
        contentType: 'image/png',
        bytes: capture.screenshotPng,
        date: capture.finishedAt,
        ...(documentResponse ? { concurrentTo: documentResponse } : {}),
      }),
    );
    return locations;
  }

  /** The capture's custody entry: its records, and the hashes of its body, screenshot and images. */
  async recordCustody(entry: CaptureCustody): Promise<void> {
    await this.custody.append(entry);
  }

  /** Closes both files, even when one fails; then reports the first failure. */
  async close(): Promise<void> {
    const results = await Promise.allSettled([this.warc.close(), this.custody.close()]);
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw failure.reason;
  }

  private async writeFetch(fetched: FetchedResource): Promise<WarcLocation[]> {
    const locations: WarcLocation[] = [];
    for (const exchange of [...fetched.redirectExchanges, fetched.exchange]) {
      const written = await this.warc.writeExchange(exchange);
      locations.push(written.request, written.response);
    }
    return locations;
  }
}
