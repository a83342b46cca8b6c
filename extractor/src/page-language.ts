import type { LanguageBasis, PageCaptured } from '@indicia/core';
import { findFirstElement, type HtmlPage } from './html-document.js';
import type { DetectedLanguage } from './text-language.js';

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

export interface AdLanguage {
  language: string | null;
  basis: LanguageBasis | null;
}

/**
 * The ad's language: the page's declaration, unless the text is clearly in another language (sites
 * that serve every language's ads under one site-wide <html lang>); the text's language when the
 * page declares none. A declaration that agrees with the text keeps its region ("en-GB").
 */
export function adLanguage(declared: string | null, detected: DetectedLanguage | null): AdLanguage {
  if (!declared) return detected ? { language: detected.language, basis: 'text' } : { language: null, basis: null };
  const declaredPrimary = declared.split('-')[0]!.toLowerCase();
  if (detected && detected.clear && detected.language !== declaredPrimary) return { language: detected.language, basis: 'text' };
  return { language: declared, basis: 'declared' };
}
