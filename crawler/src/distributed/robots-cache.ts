import type { CaptureParts, CaptureSettings } from '../capture-parts.js';
import { allowEverything, loadRobotsPolicy, type RobotsPolicy } from '../robots-policy.js';
import type { HostPacer } from './host-pacer.js';

/** robots.txt is read again after this long, as a long-running worker outlives any one crawl. */
const robotsTtlMs = 60 * 60 * 1000;

/** robots.txt per origin, fetched through the worker's fetcher (and recorded as evidence), paced like pages. */
export class RobotsCache {
  private readonly policies = new Map<string, { policy: Promise<RobotsPolicy>; loadedAt: number }>();

  constructor(
    private readonly settings: CaptureSettings,
    private readonly parts: CaptureParts,
    private readonly pacer: HostPacer,
  ) {}

  policyFor(url: string): Promise<RobotsPolicy> {
    if (!this.settings.respectRobotsTxt) return Promise.resolve(allowEverything);
    const { origin, hostname } = new URL(url);
    const cached = this.policies.get(origin);
    if (cached && Date.now() - cached.loadedAt < robotsTtlMs) return cached.policy;
    const policy = this.load(origin, hostname);
    this.policies.set(origin, { policy, loadedAt: Date.now() });
    return policy;
  }

  private async load(origin: string, host: string): Promise<RobotsPolicy> {
    const { fetcher, evidence } = this.parts;
    const recordedFetcher = {
      fetch: async (...args: Parameters<typeof fetcher.fetch>) => {
        const release = await this.pacer.acquire(host);
        try {
          const fetched = await fetcher.fetch(...args);
          await evidence.recordStandaloneFetch(fetched);
          return fetched;
        } finally {
          release();
        }
      },
    };
    return loadRobotsPolicy(origin, { fetcher: recordedFetcher, userAgent: this.settings.userAgent, maxRetries: this.settings.maxRetries, retryBackoffMs: this.settings.retryBackoffMs });
  }
}
