import { defineConfig, regexSourceSchema, z } from '@indicia/core';
import { browserConfig } from './browser/browser-settings.js';
import { defaultImageFetchLimits } from './images/image-fetcher.js';
import { crawlModes } from './crawl-mode.js';
import { defaultMaxWarcFileBytes } from './evidence/warc-writer.js';
import { onionDefaults } from './onion-settings.js';

const positiveInt = () => z.number().int().positive();
const nonNegativeInt = () => z.number().int().nonnegative();


const proxySchemes = new Set(['http:', 'socks5h:', 'socks5:']);

const proxyUrl = z
  .string()
  .refine((value) => URL.canParse(value) && proxySchemes.has(new URL(value).protocol) && new URL(value).hostname !== '', {
    message: 'proxy must be an http://, socks5h:// (names resolved by the proxy, e.g. Tor: socks5h://127.0.0.1:9050) or socks5:// URL',
  })
  .nullable();

/**
 * Every knob of an HTTP crawl, with defaults and the environment variables that set them (for
 * the CLI's flags > env > file > defaults merge). The effective values, proxy credentials
 * removed, are stored with the run, so a capture can always be traced to the settings behind it.
 */
export const crawlConfig = defineConfig({
  seeds: { schema: z.array(z.string().min(1)).min(1, { message: 'at least one seed URL is needed' }), description: 'URLs the crawl starts from' },
  dataDir: { schema: z.string().min(1), description: 'directory of the frontier (crawl.sqlite), captures and blobs' },
  proxyUrl: {
    schema: proxyUrl.default(null),
    env: 'INDICIA_PROXY',
    secret: true,
    description:
      'proxy every request goes through, never direct when set: http://, socks5h:// (the proxy resolves names: Tor is socks5h://127.0.0.1:9050) or socks5:// (names resolved here; never for .onion); credentials allowed; null fetches directly',
  },
  proxyIsTor: {
    schema: z.boolean().default(false),
    env: 'INDICIA_PROXY_IS_TOR',
    description: "the http:// proxy is Tor's HTTPTunnelPort, so .onion URLs may go through it (a socks5h:// proxy may carry them without this)",
  },
  isolateStreams: {
    schema: z.boolean().default(true),
    env: 'INDICIA_ISOLATE_STREAMS',
    description: "with a SOCKS proxy, each site (registrable domain or onion address) gets its own SOCKS credentials, so Tor's IsolateSOCKSAuth puts it on its own circuit",
  },
  proxyWaitMs: {
    schema: nonNegativeInt().default(10 * 60_000),
    env: 'INDICIA_PROXY_WAIT_MS',
    description:
      'when the proxy stops accepting connections mid-crawl (Tor restarting), fetches wait this long for it to come back, then the run stops with its pages still pending; 0 stops at once',
  },
  onionRequestTimeoutMs: {
    schema: positiveInt().default(onionDefaults.requestTimeoutMs),
    env: 'INDICIA_ONION_REQUEST_TIMEOUT_MS',
    description: 'requestTimeoutMs for .onion hosts (a first request waits for a descriptor and a rendezvous); never shorter than requestTimeoutMs',
  },
  onionPerHostDelayMs: {
    schema: nonNegativeInt().default(onionDefaults.perHostDelayMs),
    env: 'INDICIA_ONION_PER_HOST_DELAY_MS',
    description: 'perHostDelayMs for .onion hosts (the larger of the two applies)',
  },
  onionPerHostConcurrency: {
    schema: positiveInt().default(onionDefaults.perHostConcurrency),
    env: 'INDICIA_ONION_PER_HOST_CONCURRENCY',
    description: 'perHostConcurrency for .onion hosts (the smaller of the two applies): an onion service is one Tor process',
  },
  maxPages: { schema: positiveInt().default(1000), env: 'INDICIA_MAX_PAGES', description: "total pages this data dir's frontier may hold, over all runs" },
  maxDepth: { schema: nonNegativeInt().default(10), env: 'INDICIA_MAX_DEPTH', description: 'links followed from a seed, at most' },
  allow: { schema: z.array(regexSourceSchema).default([]), env: 'INDICIA_ALLOW', description: 'regexes on the canonical URL: when any are given, a URL must match one' },
  deny: { schema: z.array(regexSourceSchema).default([]), env: 'INDICIA_DENY', description: 'regexes on the canonical URL: a URL matching any is out of scope' },
  sameRegistrableDomain: {
    schema: z.boolean().default(true),
    env: 'INDICIA_SAME_DOMAIN',
    description: 'keep to the registrable domains of the seeds (Public Suffix List, private suffixes included)',
  },
  concurrency: { schema: positiveInt().default(10), env: 'INDICIA_CONCURRENCY', description: 'requests in flight at once, over all hosts' },
  perHostConcurrency: { schema: positiveInt().default(4), env: 'INDICIA_PER_HOST_CONCURRENCY', description: 'requests in flight at once to one host' },
  perHostDelayMs: { schema: nonNegativeInt().default(0), env: 'INDICIA_PER_HOST_DELAY_MS', description: 'least time between two request starts to one host' },
  respectRobotsTxt: { schema: z.boolean().default(true), env: 'INDICIA_RESPECT_ROBOTS', description: 'honour robots.txt (recorded with the run)' },
  maxResponseBytes: { schema: positiveInt().default(5 * 1024 * 1024), env: 'INDICIA_MAX_RESPONSE_BYTES', description: 'bodies over this are cut, kept and marked truncated' },
  requestTimeoutMs: { schema: positiveInt().default(30_000), env: 'INDICIA_REQUEST_TIMEOUT_MS', description: 'for a whole fetch: redirects and body included' },
  maxRetries: { schema: nonNegativeInt().default(3), env: 'INDICIA_MAX_RETRIES', description: 'retries on timeouts, network errors, 429 and 5xx' },
  retryBackoffMs: {
    schema: nonNegativeInt().default(1000),
    env: 'INDICIA_RETRY_BACKOFF_MS',
    description: 'first retry delay, doubled for each further retry (a Retry-After header can lengthen it)',
  },
  userAgent: { schema: z.string().min(1).default('Indicia/0.1 (open-source research crawler)'), env: 'INDICIA_USER_AGENT', description: 'User-Agent header, also matched against robots.txt groups' },
  recrawl: { schema: z.boolean().default(false), env: 'INDICIA_RECRAWL', description: 'fetch again the pages earlier runs captured (an interrupted recrawl continues)' },
  retryFailed: { schema: z.boolean().default(false), env: 'INDICIA_RETRY_FAILED', description: 'fetch again the pages earlier runs failed on' },
  mode: {
    schema: z.enum(crawlModes).default('auto'),
    env: 'INDICIA_MODE',
    description: 'auto: HTTP first, a browser re-fetches pages that look script-rendered; http: never a browser; browser: every HTML page in a browser',
  },
  ...browserConfig.fields,
  images: { schema: z.boolean().default(true), env: 'INDICIA_IMAGES', description: 'fetch and keep the in-scope images pages show (for OCR and image search)' },
  maxImageBytes: { schema: positiveInt().default(defaultImageFetchLimits.maxImageBytes), env: 'INDICIA_MAX_IMAGE_BYTES', description: 'an image over this is refused (recorded with the reason)' },
  maxImagePixels: {
    schema: positiveInt().default(defaultImageFetchLimits.maxImagePixels),
    env: 'INDICIA_MAX_IMAGE_PIXELS',
    description: 'an image whose header claims more pixels is refused unread (pixel bombs)',
  },
  maxImagesPerPage: { schema: positiveInt().default(defaultImageFetchLimits.maxImagesPerPage), env: 'INDICIA_MAX_IMAGES_PER_PAGE', description: 'images kept per page, in document order' },
  maxImageBytesPerPage: {
    schema: positiveInt().default(defaultImageFetchLimits.maxImageBytesPerPage),
    env: 'INDICIA_MAX_IMAGE_BYTES_PER_PAGE',
    description: 'image bytes kept per page, in document order',
  },
  imageTimeoutMs: {
    schema: positiveInt().default(10_000),
    env: 'INDICIA_IMAGE_TIMEOUT_MS',
    description: 'for a whole image fetch; an image that never finishes is refused with the reason, the page goes on',
  },
  maxWarcFileBytes: { schema: positiveInt().default(defaultMaxWarcFileBytes), env: 'INDICIA_MAX_WARC_FILE_BYTES', description: 'WARC files rotate before they pass this size' },
  operator: { schema: z.string().min(1).nullable().default(null), env: 'INDICIA_OPERATOR', description: 'who runs the crawl, recorded in the WARC metadata (evidence)' },
  caseId: { schema: z.string().min(1).nullable().default(null), env: 'INDICIA_CASE', description: 'the case the crawl is for, recorded in the WARC metadata (evidence)' },
});

type CrawlFields = typeof crawlConfig.fields;

/** The same fields as one zod object, for validating a whole settings object at once. */
export const crawlSettingsSchema = z.object(
  Object.fromEntries(Object.entries(crawlConfig.fields).map(([key, field]) => [key, field.schema])) as { [K in keyof CrawlFields]: CrawlFields[K]['schema'] },
);

export type CrawlSettings = z.output<typeof crawlSettingsSchema>;
/** What callers pass: every field with a default may be left out. */
export type CrawlSettingsInput = z.input<typeof crawlSettingsSchema>;

/** The proxy as it may be recorded and logged: scheme, host and port, credentials removed. */
export function redactProxyUrl(proxy: string | null): string | null {
  if (proxy === null) return null;
  const url = new URL(proxy);
  return `${url.protocol}//${url.host}`;
}

/** Settings as they are stored with the run and reported in the summary. */
export function recordableSettings<T extends { proxyUrl: string | null }>(settings: T): T {
  return { ...settings, proxyUrl: redactProxyUrl(settings.proxyUrl) };
}
