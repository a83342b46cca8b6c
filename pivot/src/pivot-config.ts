import { defineConfig, UsageError, z } from '@indicia/core';
import { whoisXmlApiConfig } from './providers/whoisxml-settings.js';

/**
 * A map setting written as "key=value,key=value" (an environment variable or flag) or as a JSON
 * object (a config file): e.g. INDICIA_WHOIS_SERVERS="test=127.0.0.1:4343,*=whois.example:43".
 */
const mapSetting = z
  .union([z.record(z.string(), z.string()), z.array(z.string()), z.string()])
  .transform((value, ctx): Record<string, string> => {
    if (typeof value === 'object' && !Array.isArray(value)) return value;
    const entries = (Array.isArray(value) ? value : value.split(',')).map((entry) => entry.trim()).filter(Boolean);
    const map: Record<string, string> = {};
    for (const entry of entries) {
      const at = entry.indexOf('=');
      if (at <= 0 || at === entry.length - 1) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not key=value` });
        return z.NEVER;
      }
      map[entry.slice(0, at).trim().toLowerCase()] = entry.slice(at + 1).trim();
    }
    return map;
  })
  .default({});

const units: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** "7d", "12h", "30m", "0" or a number of milliseconds. */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$/i.exec(value);
  if (!match) throw new UsageError(`"${value}" is not a duration: write e.g. 30m, 12h, 7d or 2w`);
  return Math.round(Number(match[1]) * (match[2] ? units[match[2].toLowerCase()]! : 1));
}

const duration = z.union([z.number().nonnegative(), z.string()]).transform((value, ctx) => {
  try {
    return parseDuration(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

/** The pivot stage's settings: what to look up, where, and how often. */
export const pivotConfig = defineConfig({
  pivot: { schema: z.boolean().default(true), env: 'INDICIA_PIVOT', flag: '--no-pivot', description: 'look up the WHOIS/RDAP registration and DNS of every domain seen' },
  pivotRefresh: { schema: duration.default(7 * units.d!), env: 'INDICIA_PIVOT_REFRESH', flag: '--pivot-refresh', description: 'look at a domain again once its last snapshot is this old (e.g. 12h, 7d)' },
  rdap: { schema: z.boolean().default(true), env: 'INDICIA_RDAP', description: 'ask RDAP first where the bootstrap names a server (else WHOIS)' },
  rdapBootstrap: { schema: z.string().nullable().default(null), env: 'INDICIA_RDAP_BOOTSTRAP', description: 'an IANA dns.json bootstrap file to use instead of the bundled snapshot' },
  rdapServers: { schema: mapSetting, env: 'INDICIA_RDAP_SERVERS', description: 'RDAP base URL per TLD, before the bootstrap ("*" for every TLD): test=http://127.0.0.1:8080/' },
  whoisServers: { schema: mapSetting, env: 'INDICIA_WHOIS_SERVERS', description: 'WHOIS server per TLD, before the bundled map ("*" for every TLD): test=whois.nic.test' },
  whoisConnect: { schema: mapSetting, env: 'INDICIA_WHOIS_CONNECT', description: 'where to connect for a WHOIS server host: whois.nic.test=127.0.0.1:4343' },
  dnsResolvers: { schema: z.array(z.string()).default([]), env: 'INDICIA_DNS_RESOLVERS', description: 'DNS resolvers (ip or ip:port); the system resolver when empty' },
  lookupIntervalMs: { schema: z.number().int().nonnegative().default(1000), env: 'INDICIA_LOOKUP_INTERVAL_MS', description: 'least time between two queries to one WHOIS or RDAP server (public servers ban fast clients)' },
  lookupTimeoutMs: { schema: z.number().int().positive().default(15_000), env: 'INDICIA_LOOKUP_TIMEOUT_MS', description: 'time limit of one WHOIS, RDAP or DNS lookup' },
  // An empty INDICIA_WHOISXML_API_KEY= reads as no key, not as a key that every call would fail with.
  whoisxmlApiKey: {
    schema: z.string().nullable().default(null).transform((key) => (key === null || key.trim() === '' ? null : key.trim())),
    env: 'INDICIA_WHOISXML_API_KEY',
    secret: true,
    description: 'WhoisXML API key: WHOIS history and reverse WHOIS from their database (none: the provider is off)',
  },
  ...providerFields(),
});

/**
 * The external provider's settings (WhoisXML API today). They may be left out of the settings a
 * caller passes (their defaults apply), so a caller that picks the pivot settings it knows keeps
 * working as providers gain settings.
 */
function providerFields() {
  const provider = whoisXmlApiConfig.fields;
  return {
    whoisxmlUrl: {
      schema: z
        .string()
        .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), { message: 'must be an http(s) URL' })
        .nullable()
        .default(null),
      env: 'INDICIA_WHOISXML_URL',
      description: 'one base URL serving WHOIS History at /api/v1 and Reverse WHOIS at /api/v2 instead of WhoisXML\'s own hosts (a proxy, or a local fake in tests)',
    },
    whoisxmlHistoryImport: {
      schema: z.boolean().default(true),
      env: 'INDICIA_WHOISXML_HISTORY_IMPORT',
      description: 'import a domain\'s WhoisXML WHOIS history the first time Indicia looks it up (each import uses API credits)',
    },
    providerTimeoutMs: {
      schema: z.number().int().positive().default(20_000),
      env: 'INDICIA_PROVIDER_TIMEOUT_MS',
      description: 'time limit of one call to an external provider (a history import, a reverse search); past it the pipeline goes on without it',
    },
    whoisxmlHistoryUrl: provider.historyUrl,
    whoisxmlReverseUrl: provider.reverseUrl,
    whoisxmlRequestTimeoutMs: provider.requestTimeoutMs,
    whoisxmlMaxConcurrent: provider.maxConcurrent,
    whoisxmlBreakerFailureThreshold: provider.breakerFailureThreshold,
    whoisxmlBreakerCoolDownMs: provider.breakerCoolDownMs,
    whoisxmlReverseSearchType: provider.reverseSearchType,
    whoisxmlMaxReversePages: provider.maxReversePages,
  };
}

/** Every pivot setting, as pivotConfig resolves them (a crawl's come from splitCrawlConfig). */
export type PivotSettings = ReturnType<typeof pivotConfig.resolve>['values'];
