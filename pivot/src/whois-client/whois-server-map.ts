import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { WhoisServerNameError } from './whois-errors.js';

/** How to talk to one server: its query template and the encoding of its non-UTF-8 answers. */
export interface WhoisServerProfile {
  /** "{domain}" is replaced by the domain ("domain {domain}" at Verisign, "{domain}/e" at JPRS). */
  query: string;
  encoding: string | null;
}

export interface WhoisServerMap {
  /** The IANA server asked for TLDs the map does not know. */
  iana: string;
  /** TLD or registrable suffix ("co.za", "ac.uk") → registry server. */
  tlds: ReadonlyMap<string, string>;
  servers: ReadonlyMap<string, WhoisServerProfile>;
}

/** pivot/data/whois-servers.json, read relative to this module so it works from dist. */
export const bundledWhoisServersPath = fileURLToPath(new URL('../../data/whois-servers.json', import.meta.url));

let bundled: Promise<WhoisServerMap> | null = null;

export function loadBundledWhoisServerMap(): Promise<WhoisServerMap> {
  bundled ??= loadWhoisServerMap(bundledWhoisServersPath);
  return bundled;
}

export async function loadWhoisServerMap(path: string): Promise<WhoisServerMap> {
  const fail = (why: string): never => {
    throw new WhoisServerNameError(`invalid WHOIS server map ${path}: ${why}`);
  };
  let document: unknown;
  try {
    document = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new WhoisServerNameError(`cannot read WHOIS server map ${path}`, { cause: error });
  }
  if (typeof document !== 'object' || document === null) return fail('not an object');
  const { iana, tlds, servers } = document as { iana?: unknown; tlds?: unknown; servers?: unknown };
  if (typeof iana !== 'string') fail('iana must be a server name');
  if (typeof tlds !== 'object' || tlds === null) return fail('tlds must be an object');
  if (typeof servers !== 'object' || servers === null) return fail('servers must be an object');
  const tldMap = new Map<string, string>();
  for (const [tld, server] of Object.entries(tlds)) {
    if (typeof server !== 'string') fail(`tlds.${tld} must be a server name`);
    tldMap.set(tld.toLowerCase(), (server as string).toLowerCase());
  }
  const profiles = new Map<string, WhoisServerProfile>();
  for (const [server, profile] of Object.entries(servers)) {
    const { query, encoding } = (profile ?? {}) as { query?: unknown; encoding?: unknown };
    if (query !== undefined && (typeof query !== 'string' || !query.includes('{domain}'))) fail(`servers.${server}.query must contain {domain}`);
    if (encoding !== undefined && typeof encoding !== 'string') fail(`servers.${server}.encoding must be a string`);
    profiles.set(server.toLowerCase(), { query: (query as string | undefined) ?? '{domain}', encoding: (encoding as string | undefined) ?? null });
  }
  return { iana: iana as string, tlds: tldMap, servers: profiles };
}

/** The profile of a server (by host, port ignored); servers not in the map get the plain query. */
export function whoisServerProfile(map: WhoisServerMap, host: string): WhoisServerProfile {
  return map.servers.get(host.toLowerCase()) ?? { query: '{domain}', encoding: null };
}

/** The longest suffix of `domain` (labels) found in `table`, "*" last. */
export function longestSuffixMatch(table: ReadonlyMap<string, string>, domain: string): string | null {
  const labels = domain.split('.');
  for (let start = 0; start < labels.length; start += 1) {
    const found = table.get(labels.slice(start).join('.'));
    if (found !== undefined) return found;
  }
  return table.get('*') ?? null;
}
