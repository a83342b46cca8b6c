import type { Element, ParentNode } from 'domhandler';
import { hasAncestorIn } from './html-document.js';
import type { PageSurvey } from './page-survey.js';
import { renderVisibleText } from './visible-text.js';

/**
 * The ad's text and links: what is inside its content block, leaving out site chrome and the cards
 * of other items (a "similar ads" box) found inside it.
 */
export function contentText(survey: PageSurvey, content: ParentNode, leftOut: Set<Element>): string {
  // When nothing inside is left out, the content's span of the page text already rendered is its
  // text: rendering inside an element does not depend on what surrounds it.
  const range = content === survey.page.root ? { start: 0, end: survey.fullText.length } : survey.ranges.get(content as Element);
  const container = new Set([content as Element]);
  const leavesOut = [...leftOut].some((el) => hasAncestorIn(el, container, { includeSelf: false }));
  if (range && !leavesOut) return survey.fullText.slice(range.start, range.end).replace(/^[\n ]+|[\n ]+$/g, '');
  return renderVisibleText(content, { skip: (el) => leftOut.has(el) });
}

/** Hrefs of the links inside the content, in document order. */
export function contentLinks(survey: PageSurvey, content: ParentNode, leftOut: Set<Element>): string[] {
  const container = new Set([content as Element]);
  return survey.anchors
    .filter((anchor) => (content === survey.page.root || hasAncestorIn(anchor.element, container, { includeSelf: false })) && !hasAncestorIn(anchor.element, leftOut, { includeSelf: true }))
    .map((anchor) => anchor.href);
}

/** Host of an http(s) link, resolved against the page; null for other schemes and broken links. */
export function webHost(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : null;
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}
