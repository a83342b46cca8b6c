import { domainToASCII } from 'node:url';
import { RdapBootstrapError } from './rdap-errors.js';

/**
 * An RFC 9224 DNS bootstrap registry: which RDAP base URLs serve which TLDs (or longer suffixes;
 * the entry "" serves every domain). Read from IANA's dns.json, a file the user gives, or an
 * explicit `{ tld: baseUrl }` map.
 */
export interface RdapBootstrap {
  /** Where it came from (file path, URL, "bundled", "override"), for error messages. */
  readonly source: string;
  /** The registry's publication instant, when it has one. */
  readonly publication: string | null;
  /** Lowercased A-label suffix ("" for every domain) → base URLs, each ending in "/". */
  readonly services: ReadonlyMap<string, readonly string[]>;
}

export interface RdapServiceMatch {
  /** The bootstrap entry that matched ("co.uk", "uk", or "" for the catch-all). */
  entry: string;
  /** The base URL to use: the first https one (RFC 9224 §5 prefers https), else the first. */
  baseUrl: string;
  baseUrls: readonly string[];
}

/** Reads and validates a bootstrap file's text; anything but a well-formed registry throws RdapBootstrapError. */
export function parseRdapBootstrap(text: string, source: string): RdapBootstrap {
  const fail = (why: string): never => {
    throw new RdapBootstrapError(`invalid RDAP bootstrap file (${source}): ${why}`);
  };
  if (text.trim() === '') fail('empty');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const looksHtml = /^\s*</.test(text);
    throw new RdapBootstrapError(`invalid RDAP bootstrap file (${source}): ${looksHtml ? 'an HTML page, not JSON' : 'not JSON'}`, { cause: error });
  }
  if (!isRecord(document)) return fail('not a JSON object');
  if (document['version'] !== '1.0') fail(`version must be "1.0", got ${JSON.stringify(document['version'])}`);
  const publication = document['publication'];
  if (publication !== undefined && typeof publication !== 'string') fail('publication must be a string');
  const services = document['services'];
  if (!Array.isArray(services)) return fail('services must be an array');
  if (services.length === 0) fail('services is empty');
  const map = new Map<string, string[]>();
  services.forEach((service: unknown, index) => {
    const where = `services[${index}]`;
    if (!Array.isArray(service) || service.length !== 2) return fail(`${where} must be [entries, urls]`);
    const [entries, urls] = service as [unknown, unknown];
    if (!Array.isArray(entries) || !entries.every((entry) => typeof entry === 'string')) return fail(`${where}[0] must be an array of strings`);
    if (!Array.isArray(urls) || urls.length === 0 || !urls.every((url) => typeof url === 'string')) return fail(`${where}[1] must be a non-empty array of URLs`);
    const baseUrls = (urls as string[]).map((url) => {
      const why = baseUrlProblem(url);
      if (why !== null) fail(`${where}: ${why}: ${JSON.stringify(url)}`);
      return withTrailingSlash(url);
    });
    for (const entry of entries as string[]) map.set(bootstrapEntryKey(entry, fail), baseUrls);
  });
  return { source, publication: typeof publication === 'string' ? publication : null, services: map };
}

/**
 * A bootstrap from an explicit `{ suffix: baseUrl }` map, e.g. `{ test: "http://127.0.0.1:8080/" }`
 * for the testbed; the key "*" serves every domain.
 */
export function rdapBootstrapFromMap(overrides: Readonly<Record<string, string>>, source = 'override'): RdapBootstrap {
  const fail = (why: string): never => {
    throw new RdapBootstrapError(`invalid RDAP server override (${source}): ${why}`);
  };
  const map = new Map<string, string[]>();
  for (const [suffix, url] of Object.entries(overrides)) {
    const why = baseUrlProblem(url);
    if (why !== null) fail(`${why}: ${JSON.stringify(url)}`);
    map.set(suffix === '*' ? '' : bootstrapEntryKey(suffix, fail), [withTrailingSlash(url)]);
  }
  return { source, publication: null, services: map };
}

/**
 * The service for a domain: the longest matching suffix wins ("co.uk" before "uk"), compared
 * case-insensitively on A-labels. Null when no entry (not even "") matches. `domain` must already
 * be in lookup form (see lookupDomainName).
 */
export function findRdapService(bootstraps: readonly RdapBootstrap[], domain: string): RdapServiceMatch | null {
  const labels = domain.split('.');
  // Each bootstrap in order: an override map answers before the bundled registry does, even
  // with a shorter suffix, so `{ "*": testbed }` sends everything to the testbed.
  for (const bootstrap of bootstraps) {
    for (let start = 0; start <= labels.length; start += 1) {
      const suffix = labels.slice(start).join('.');
      const baseUrls = bootstrap.services.get(suffix);
      if (baseUrls !== undefined) {
        const baseUrl = baseUrls.find((url) => url.startsWith('https:')) ?? baseUrls[0]!;
        return { entry: suffix, baseUrl, baseUrls };
      }
    }
  }
  return null;
}

/** The suffixes (TLDs, mostly) a bootstrap names a server for, without the catch-all "" entry. */
export function bootstrapSuffixes(bootstrap: RdapBootstrap): string[] {
  return [...bootstrap.services.keys()].filter((suffix) => suffix !== '').sort();
}

function bootstrapEntryKey(entry: string, fail: (why: string) => never): string {
  const trimmed = entry.trim().replace(/^\.|\.$/g, '').toLowerCase();
  if (trimmed === '') return '';
  const ascii = domainToASCII(trimmed);
  if (ascii === '') fail(`not a domain suffix: ${JSON.stringify(entry)}`);
  return ascii;
}

/** Why a base URL is unusable, or null. WHATWG URL accepts "%%" in a path; a registry must not. */
function baseUrlProblem(url: string): string | null {
  if (/%(?![0-9A-Fa-f]{2})/.test(url)) return 'bad percent-encoding in URL';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'not an http(s) URL';
  if (parsed.search !== '' || parsed.hash !== '') return 'a base URL has no query or fragment';
  return null;
}

/** RFC 9224 base URLs end in "/" so that "domain/NAME" resolves under them; some entries forget it. */
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
