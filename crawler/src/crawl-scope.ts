import { registrableDomain } from './registrable-domain.js';

export interface CrawlScopeOptions {
  seeds: string[];
  sameRegistrableDomain: boolean;
  allow: string[];
  deny: string[];
}

/**
 * Decides which canonical URLs belong to the crawl: same registrable domain as a seed (unless
 * switched off), matching an allow pattern when any are given, and matching no deny pattern.
 */
export class CrawlScope {
  private readonly seedDomains: Set<string>;
  private readonly allow: RegExp[];
  private readonly deny: RegExp[];
  private readonly sameRegistrableDomain: boolean;

  constructor(options: CrawlScopeOptions) {
    this.seedDomains = new Set(options.seeds.map((seed) => registrableDomain(seed)));
    this.allow = options.allow.map((source) => new RegExp(source));
    this.deny = options.deny.map((source) => new RegExp(source));
    this.sameRegistrableDomain = options.sameRegistrableDomain;
  }

  /** `canonicalUrl` must come from canonicalizeUrl (so it is http(s) and parses). */
  includes(canonicalUrl: string): boolean {
    if (this.sameRegistrableDomain && !this.seedDomains.has(registrableDomain(canonicalUrl))) return false;
    if (this.allow.length > 0 && !this.allow.some((pattern) => pattern.test(canonicalUrl))) return false;
    return !this.deny.some((pattern) => pattern.test(canonicalUrl));
  }
}
