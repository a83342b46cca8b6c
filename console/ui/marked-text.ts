import { h, type Child } from './dom.js';

/**
 * The store marks matches in snippets with «»: each marked run becomes a <mark> holding a text
 * node. An unmatched « is kept as text (a scraped ad may write guillemets itself).
 */
export function markedSnippet(snippet: string): Child[] {
  const parts: Child[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const open = rest.indexOf('«');
    const close = open === -1 ? -1 : rest.indexOf('»', open + 1);
    if (open === -1 || close === -1) {
      parts.push(rest);
      break;
    }
    if (open > 0) parts.push(rest.slice(0, open));
    parts.push(h('mark', {}, rest.slice(open + 1, close)));
    rest = rest.slice(close + 1);
  }
  return parts;
}

export interface TextSpan {
  start: number;
  end: number;
  /** Shown on hover and to screen readers. */
  title: string;
  className: string;
  href?: string;
}

/** The text with the spans wrapped (links when they have an href); overlapping spans keep the first. */
export function highlightedText(text: string, spans: readonly TextSpan[]): Child[] {
  const ordered = [...spans].filter((span) => span.start >= 0 && span.end <= text.length && span.end > span.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: Child[] = [];
  let at = 0;
  for (const span of ordered) {
    if (span.start < at) continue;
    if (span.start > at) parts.push(text.slice(at, span.start));
    const words = text.slice(span.start, span.end);
    const attributes = { class: span.className, title: span.title };
    parts.push(span.href ? h('a', { ...attributes, href: span.href }, words) : h('mark', attributes, words));
    at = span.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
