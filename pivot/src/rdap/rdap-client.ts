import { DeadLetterError, describeError, RetryableError, sha256Hex, type RegistrationRecord } from '@indicia/core';
import { lookupDomainName } from '../lookup-domain-name.js';
import { ServerPacer } from '../server-pacer.js';
import { findRdapService, rdapBootstrapFromMap, type RdapBootstrap } from './rdap-bootstrap.js';
import { loadRdapBootstrapInUse } from './rdap-bootstrap-files.js';
import { RdapNoServiceError } from './rdap-errors.js';
import { RdapHttp, type RdapHttpOptions } from './rdap-http.js';
import { mergeRegistrarRecord } from './rdap-merge.js';
import { parseRdapJson, rdapDomainRecord, unregisteredRecord } from './rdap-record.js';

export interface RdapClientOptions extends Partial<RdapHttpOptions> {
  /** `{ suffix: baseUrl }` answered before any bootstrap; "*" serves every domain (the testbed). */
  servers?: Readonly<Record<string, string>>;
  /** A bootstrap to use instead of the bundled one (e.g. from refreshBootstrap). */
  bootstrap?: RdapBootstrap;
  /** A bootstrap file to use instead of the bundled one. */
  bootstrapFile?: string;
  /** Where refreshBootstrap keeps its copy: used, when present, instead of the bundled snapshot. */
  cacheDir?: string;
  /** Minimum interval between requests to one server (origin). Default 1000 ms. */
  minIntervalMs?: number;
  perServerIntervalMs?: Readonly<Record<string, number>>;
  /** Follow a thin registry's rel="related" link to the registrar's RDAP and merge. Default true. */
  followRelated?: boolean;
}

/** One response kept as evidence. */
export interface RdapResponse {
  url: string;
  raw: string;
  /** sha256 (hex) of the response bytes. */
  rawSha256: string;
}

export interface RdapLookup {
  /** The normalised record (registry and registrar merged when a related link was followed). */
  record: RegistrationRecord;
  /** The registry's response as received (decoded as UTF-8, RFC 8259). */
  raw: string;
  rawSha256: string;
  /** The RDAP base URL that served the domain. */
  server: string;
  /** The URL that answered the domain query (after redirects). */
  url: string;
  /** The registrar's response, when the registry's related link was followed and answered. */
  related: RdapResponse | null;
  /** Why following the related link failed, when it did (the registry's record still stands). */
  relatedError: string | null;
}

const defaults: RdapHttpOptions = {
  timeoutMs: 15_000,
  maxRedirects: 5,
  maxRetries: 2,
  maxRetryWaitMs: 30_000,
  retryBackoffMs: 2_000,
  maxResponseBytes: 4 * 1024 * 1024,
  userAgent: 'Indicia-pivot (RDAP client)',
};

/**
 * RDAP domain lookups (RFC 7480–7484, RFC 9083): finds the server through the bootstrap
 * (override map, then the given/cached/bundled registry), fetches `domain/NAME`, reads the
 * answer into a RegistrationRecord and, for a thin registry, completes it from the registrar's
 * RDAP. 404 is an unregistered domain. Errors: RdapNoServiceError (no server for the TLD),
 * RdapUnavailableError (retryable: 429/5xx/timeout), RdapRequestError, RdapFormatError,
 * RdapBootstrapError, InvalidDomainError.
 */
export class RdapClient {
  private readonly http: RdapHttp;
  private bootstraps: Promise<RdapBootstrap[]> | null = null;

  constructor(private readonly options: RdapClientOptions = {}) {
    const pacer = new ServerPacer({ minIntervalMs: options.minIntervalMs ?? 1000, perServerMs: options.perServerIntervalMs });
    this.http = new RdapHttp(
      {
        timeoutMs: options.timeoutMs ?? defaults.timeoutMs,
        maxRedirects: options.maxRedirects ?? defaults.maxRedirects,
        maxRetries: options.maxRetries ?? defaults.maxRetries,
        maxRetryWaitMs: options.maxRetryWaitMs ?? defaults.maxRetryWaitMs,
        retryBackoffMs: options.retryBackoffMs ?? defaults.retryBackoffMs,
        maxResponseBytes: options.maxResponseBytes ?? defaults.maxResponseBytes,
        userAgent: options.userAgent ?? defaults.userAgent,
      },
      pacer,
    );
  }

  /** The RDAP base URL that serves a domain, or null when none is known. */
  async serverFor(domain: string): Promise<string | null> {
    return findRdapService(await this.loadBootstraps(), lookupDomainName(domain))?.baseUrl ?? null;
  }

  async lookupDomain(domain: string): Promise<RdapLookup> {
    const name = lookupDomainName(domain);
    const service = findRdapService(await this.loadBootstraps(), name);
    if (service === null) throw new RdapNoServiceError(`no RDAP service known for .${name.split('.').pop() ?? name}`);
    const response = await this.http.get(new URL(`domain/${name}`, service.baseUrl));
    const raw = new TextDecoder().decode(response.body);
    const evidence = { raw, rawSha256: sha256Hex(response.body), server: service.baseUrl, url: response.url };
    if (response.status === 404) return { ...evidence, record: unregisteredRecord(name), related: null, relatedError: null };
    const json = parseRdapJson(raw, response.url);
    const record = rdapDomainRecord(json, response.url);
    const relatedUrl = this.options.followRelated === false ? null : registrarLinkOf(json, response.url);
    if (relatedUrl === null) return { ...evidence, record, related: null, relatedError: null };
    try {
      const registrar = await this.http.get(relatedUrl);
      const registrarRaw = new TextDecoder().decode(registrar.body);
      const related = { url: registrar.url, raw: registrarRaw, rawSha256: sha256Hex(registrar.body) };
      if (registrar.status === 404) return { ...evidence, record, related, relatedError: `registrar RDAP ${relatedUrl.origin} does not know the domain (404)` };
      const registrarRecord = rdapDomainRecord(parseRdapJson(registrarRaw, registrar.url), registrar.url);
      return { ...evidence, record: mergeRegistrarRecord(record, registrarRecord), related, relatedError: null };
    } catch (error) {
      // The registry's answer is a full record on its own: keep it and say why it is not
      // completed. Anything but a server's or a response's failure is a bug and goes up.
      if (!(error instanceof RetryableError || error instanceof DeadLetterError)) throw error;
      return { ...evidence, record, related: null, relatedError: describeError(error) };
    }
  }

  private loadBootstraps(): Promise<RdapBootstrap[]> {
    this.bootstraps ??= this.readBootstraps();
    return this.bootstraps;
  }

  private async readBootstraps(): Promise<RdapBootstrap[]> {
    const overrides = this.options.servers === undefined ? [] : [rdapBootstrapFromMap(this.options.servers)];
    const main = this.options.bootstrap ?? (await loadRdapBootstrapInUse({ bootstrapFile: this.options.bootstrapFile, cacheDir: this.options.cacheDir })).bootstrap;
    return [...overrides, main];
  }
}

/** A thin registry's pointer to the registrar's RDAP record of the domain (RFC 9083 §4.2, rel="related"). */
function registrarLinkOf(json: Record<string, unknown>, base: string): URL | null {
  const links = Array.isArray(json['links']) ? (json['links'] as unknown[]) : [];
  for (const link of links) {
    if (typeof link !== 'object' || link === null) continue;
    const { rel, href, type } = link as { rel?: unknown; href?: unknown; type?: unknown };
    if (rel !== 'related' || typeof href !== 'string') continue;
    if (type !== undefined && type !== 'application/rdap+json') continue;
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      continue; // a broken link is the registry's problem; the record stands without it
    }
    if ((url.protocol === 'https:' || url.protocol === 'http:') && /\/domain\/[^/]+$/i.test(url.pathname) && url.href !== base) return url;
  }
  return null;
}
