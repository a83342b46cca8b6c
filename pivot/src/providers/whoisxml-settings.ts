import { defineConfig, z, type ConfigValues } from '@indicia/core';

const positiveInt = () => z.number().int().positive();
const httpUrl = z.string().refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), { message: 'must be an http(s) URL' });

/**
 * WhoisXML API settings (held in the pivot settings as whoisxml*, INDICIA_WHOISXML_*). Without a key the provider is
 * disabled and says so at start; the pipeline runs on Indicia's own WHOIS/RDAP history alone.
 */
export const whoisXmlApiConfig = defineConfig({
  apiKey: {
    schema: z.string().min(1).nullable().default(null),
    env: 'INDICIA_WHOISXML_API_KEY',
    secret: true,
    description: 'WhoisXML API key (WHOIS History and Reverse WHOIS); none disables the provider',
  },
  historyUrl: {
    schema: httpUrl.default('https://whois-history.whoisxmlapi.com/api/v1'),
    env: 'INDICIA_WHOISXML_HISTORY_URL',
    description: 'WHOIS History API endpoint',
  },
  reverseUrl: {
    schema: httpUrl.default('https://reverse-whois.whoisxmlapi.com/api/v2'),
    env: 'INDICIA_WHOISXML_REVERSE_URL',
    description: 'Reverse WHOIS API v2 endpoint',
  },
  requestTimeoutMs: { schema: positiveInt().default(20_000), env: 'INDICIA_WHOISXML_TIMEOUT_MS', description: 'for one HTTP request, body included' },
  maxConcurrent: { schema: positiveInt().default(2), env: 'INDICIA_WHOISXML_CONCURRENCY', description: 'requests in flight at once' },
  breakerFailureThreshold: {
    schema: positiveInt().default(5),
    env: 'INDICIA_WHOISXML_BREAKER_FAILURES',
    description: 'consecutive failures (timeouts, 5xx, 429) after which the provider is not called for a cool-down',
  },
  breakerCoolDownMs: { schema: positiveInt().default(60_000), env: 'INDICIA_WHOISXML_BREAKER_COOL_DOWN_MS', description: 'how long calls are refused once the breaker opens' },
  reverseSearchType: {
    schema: z.enum(['current', 'historic']).default('historic'),
    env: 'INDICIA_WHOISXML_REVERSE_SEARCH_TYPE',
    description: 'historic also finds domains whose past records held the value',
  },
  maxReversePages: { schema: positiveInt().default(5), env: 'INDICIA_WHOISXML_MAX_REVERSE_PAGES', description: 'Reverse WHOIS pages fetched per query (each is charged)' },
});

export type WhoisXmlApiSettings = ConfigValues<typeof whoisXmlApiConfig.fields>;

/** The settings with every default: what a caller starts from (tests override the URLs). */
export function defaultWhoisXmlApiSettings(overrides: Partial<WhoisXmlApiSettings> = {}): WhoisXmlApiSettings {
  return { ...whoisXmlApiConfig.resolve({}).values, ...overrides };
}
