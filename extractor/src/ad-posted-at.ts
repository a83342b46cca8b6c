import type { ParentNode } from 'domhandler';
import { findFirstElement, metaContent, type HtmlPage } from './html-document.js';
import { parseDateTimeAttribute, parseLooseDate, postedDateFromLine } from './posted-date.js';
import { selectElement } from './site-selectors.js';
import { inlineText } from './visible-text.js';

export interface PostedAtSources {
  html: HtmlPage;
  content: ParentNode;
  text: string;
  fetchedAt: string;
  /** CSS selector of the date, from the site config. */
  dateSelector: string | undefined;
  /** The page's country, for the day/month order of numeric dates. */
  country: string | null;
}

/** When the ad was posted: the configured element, a <time datetime>, a "Posted" line, article:published_time. */
export function findPostedAt(sources: PostedAtSources): string | null {
  const options = { fetchedAt: sources.fetchedAt, country: sources.country };
  const configured = selectElement(sources.dateSelector, sources.html);
  if (configured) {
    const fromAttribute = configured.attribs.datetime ? parseDateTimeAttribute(configured.attribs.datetime) : null;
    return fromAttribute ?? parseLooseDate(inlineText(configured), options);
  }
  const time = findFirstElement(sources.content, (el) => el.name === 'time' && el.attribs.datetime !== undefined);
  const fromTime = time ? parseDateTimeAttribute(time.attribs.datetime!) : null;
  if (fromTime) return fromTime;
  const fromLine = postedDateFromLine(sources.text, options);
  if (fromLine) return fromLine;
  const published = metaContent(sources.html.document, 'article:published_time');
  return published ? parseDateTimeAttribute(published) : null;
}
