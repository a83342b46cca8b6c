import type { CheerioAPI } from '@crawlee/cheerio';
import { canonicalizeCrawlableUrl } from './canonical-url.js';

export interface PageLink {
  canonicalUrl: string;
  /** As written in the page, resolved against the page's base URL. */
  url: string;
}

/**
 * The links a crawl follows from an HTML page: `<a href>` and `<link rel=next>`, resolved against
 * `<base href>` or the page URL. Non-http(s) links (mailto:, tel:, javascript:...) are left out.
 * Each canonical URL appears once.
 */
export function extractLinks($: CheerioAPI, pageUrl: string): PageLink[] {
  const base = baseUrlOf($, pageUrl);
  const links = new Map<string, PageLink>();
  $('a[href], link[rel~="next" i][href]').each((_index, element) => {
    const href = $(element).attr('href');
    if (!href) return;
    const canonicalUrl = canonicalizeCrawlableUrl(href, base);
    if (canonicalUrl && !links.has(canonicalUrl)) links.set(canonicalUrl, { canonicalUrl, url: new URL(href.trim(), base).href });
  });
  return [...links.values()];
}

function baseUrlOf($: CheerioAPI, pageUrl: string): string {
  const href = $('base[href]').first().attr('href');
  return href && URL.canParse(href, pageUrl) ? new URL(href, pageUrl).href : pageUrl;
}
