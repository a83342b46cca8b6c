import type { PageCaptured } from '@indicia/core';
import { findFirstElement, type HtmlPage } from './html-document.js';

/** BCP 47 tag from <html lang>, else the Content-Language header or its <meta http-equiv>; null if none. */
export function pageLanguage(html: HtmlPage, page: PageCaptured): string | null {
  const metaLanguage = findFirstElement(html.document, (el) => el.name === 'meta' && (el.attribs['http-equiv'] ?? '').toLowerCase() === 'content-language');
  const candidates = [html.htmlElement?.attribs.lang, html.htmlElement?.attribs['xml:lang'], page.headers['content-language'], metaLanguage?.attribs.content];
  for (const candidate of candidates) {
    const tag = candidate?.split(',')[0]!.trim().replace(/_/g, '-');
    if (tag && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag)) return tag;
  }
  return null;
}
