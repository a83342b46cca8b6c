export const crawlModes = ['auto', 'http', 'browser'] as const;
/** auto: HTTP first, a browser only for pages that look script-rendered; http: never a browser; browser: every HTML page. */
export type CrawlMode = (typeof crawlModes)[number];
