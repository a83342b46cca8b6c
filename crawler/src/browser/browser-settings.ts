import { defineConfig, z } from '@indicia/core';

const positiveInt = () => z.number().int().positive();
const nonNegativeInt = () => z.number().int().nonnegative();

/**
 * Knobs of browser fetching, for the CLI's flags > env > file > defaults merge. The proxy, the
 * User-Agent and the body cap come from the crawl settings, so both fetchers share them.
 */
export const browserConfig = defineConfig({
  browserExecutable: {
    schema: z.string().min(1).nullable().default(null),
    env: 'INDICIA_BROWSER',
    description: 'Chromium/Chrome executable; null looks for the Playwright-managed browser, then Chrome, then the system Chromium',
  },
  browsers: { schema: positiveInt().default(1), env: 'INDICIA_BROWSERS', description: 'browser processes at once' },
  pagesAtOncePerBrowser: { schema: positiveInt().default(2), env: 'INDICIA_PAGES_AT_ONCE_PER_BROWSER', description: 'pages open at once in one browser (each in its own context)' },
  pagesPerBrowser: {
    schema: positiveInt().default(50),
    env: 'INDICIA_PAGES_PER_BROWSER',
    description: 'pages one browser process serves before it is replaced by a fresh one (keeps memory flat)',
  },
  navigationTimeoutMs: { schema: positiveInt().default(30_000), env: 'INDICIA_NAVIGATION_TIMEOUT_MS', description: 'until the document response arrives, redirects included' },
  settleTimeoutMs: {
    schema: positiveInt().default(15_000),
    env: 'INDICIA_SETTLE_TIMEOUT_MS',
    description: 'after the response: load, network idle and scrolling together; a page still busy then is captured as it is and marked unsettled',
  },
  networkIdleMs: { schema: positiveInt().default(500), env: 'INDICIA_NETWORK_IDLE_MS', description: 'quiet time without requests in flight that counts as idle' },
  maxScrolls: { schema: nonNegativeInt().default(10), env: 'INDICIA_MAX_SCROLLS', description: 'scroll-to-bottom rounds for infinite scroll and lazy images' },
  maxScreenshotHeight: { schema: positiveInt().default(12_000), env: 'INDICIA_MAX_SCREENSHOT_HEIGHT', description: 'full-page screenshots are cut at this many CSS pixels' },
  maxExchanges: { schema: positiveInt().default(500), env: 'INDICIA_MAX_EXCHANGES', description: 'network exchanges recorded per page; further ones are counted only' },
  crashRetries: { schema: nonNegativeInt().default(2), env: 'INDICIA_BROWSER_CRASH_RETRIES', description: 'times a page is retried on a relaunched browser after a crash' },
});

type BrowserFields = typeof browserConfig.fields;

export const browserSettingsSchema = z.object(
  Object.fromEntries(Object.entries(browserConfig.fields).map(([key, field]) => [key, field.schema])) as { [K in keyof BrowserFields]: BrowserFields[K]['schema'] },
);

export type BrowserSettings = z.output<typeof browserSettingsSchema>;
export type BrowserSettingsInput = z.input<typeof browserSettingsSchema>;
