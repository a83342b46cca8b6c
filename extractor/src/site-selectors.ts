import { selectOne } from 'css-select';
import type { Element } from 'domhandler';
import type { HtmlPage } from './html-document.js';
import { inlineText } from './visible-text.js';

/** The first element a configured CSS selector matches, or null (also when none is configured). */
export function selectElement(selector: string | undefined, html: HtmlPage): Element | null {
  if (!selector) return null;
  return selectOne(selector, html.document.children) ?? null;
}

/** The visible text of the configured element on one line, or null when empty or absent. */
export function selectedText(selector: string | undefined, html: HtmlPage): string | null {
  const el = selectElement(selector, html);
  const text = el ? inlineText(el).trim() : '';
  return text || null;
}
