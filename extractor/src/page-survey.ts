import type { Element, ParentNode } from 'domhandler';
import { isBoilerplate } from './boilerplate.js';
import { contactKeyOfHref, findContactSignals, type ContactSignal } from './contact-signals.js';
import type { HtmlPage } from './html-document.js';
import { itemIdentity, urlShape, type UrlShape } from './url-shape.js';
import { renderVisibleText, type TextRange } from './visible-text.js';

export interface PageAnchor {
  element: Element;
  /** The href as written. */
  href: string;
  /** Resolved against the page's base, fragment removed; null unless it is an http(s) URL. */
  url: string | null;
  /** The page it names, tracking and session parameters removed (see itemIdentity). */
  identity: string | null;
  shape: UrlShape | null;
  sameSite: boolean;
  inBoilerplate: boolean;
  rel: string;
}

export interface PageContact extends ContactSignal {
  /** Inside site chrome (header, nav, footer): not evidence about the content. */
  inBoilerplate: boolean;
}

/**
 * What one walk over the page learns, for telling ads from listings and finding the content:
 * the whole page's text with each element's span in it, how much content text each element holds,
 * where the links and contact details are.
 */
export interface PageSurvey {
  page: HtmlPage;
  pageUrl: URL;
  /** itemIdentity of the page's own URL. */
  pageIdentity: string;
  fullText: string;
  ranges: Map<Element, TextRange>;
  /** Characters of content text under each element; site chrome counts zero, link text a quarter. */
  weights: Map<Element, number>;
  rootWeight: number;
  /** Outermost chrome elements. */
  boilerplateRoots: Element[];
  anchors: PageAnchor[];
  contacts: PageContact[];
}

/** Link text counts a quarter: a block that is mostly links is navigation, not content. */
const linkTextWeight = 0.25;

export function surveyPage(page: HtmlPage, pageUrl: URL): PageSurvey {
  const ranges = new Map<Element, TextRange>();
  const weights = new Map<Element, number>();
  const boilerplateRoots: Element[] = [];
  const anchors: PageAnchor[] = [];
  const frames: Array<{ weight: number; inBoilerplate: boolean; inLink: boolean }> = [{ weight: 0, inBoilerplate: false, inLink: false }];
  const siteHost = pageUrl.hostname.toLowerCase();

  const fullText = renderVisibleText(page.root, {
    ranges,
    observer: {
      enter(el) {
        const parent = frames[frames.length - 1]!;
        const chrome = !parent.inBoilerplate && isBoilerplate(el);
        if (chrome) boilerplateRoots.push(el);
        const inBoilerplate = parent.inBoilerplate || chrome;
        frames.push({ weight: 0, inBoilerplate, inLink: parent.inLink || el.name === 'a' });
        if (el.name === 'a' && el.attribs.href !== undefined) anchors.push(describeAnchor(el, page.baseUrl, siteHost, inBoilerplate));
      },
      text(writtenChars) {
        const frame = frames[frames.length - 1]!;
        if (!frame.inBoilerplate) frame.weight += writtenChars * (frame.inLink ? linkTextWeight : 1);
      },
      exit(el) {
        const frame = frames.pop()!;
        weights.set(el, frame.weight);
        frames[frames.length - 1]!.weight += frame.weight;
      },
    },
  });

  const boilerplateRanges = boilerplateRoots.map((el) => ranges.get(el)!).filter(Boolean);
  const inChrome = (offset: number): boolean => boilerplateRanges.some((r) => offset >= r.start && offset < r.end);
  const contacts: PageContact[] = findContactSignals(fullText).map((signal) => ({ ...signal, inBoilerplate: inChrome(signal.offset) }));
  for (const anchor of anchors) {
    const key = contactKeyOfHref(anchor.href);
    const range = ranges.get(anchor.element);
    if (key && range) contacts.push({ key, offset: range.start, inBoilerplate: anchor.inBoilerplate });
  }
  contacts.sort((a, b) => a.offset - b.offset);

  return { page, pageUrl, pageIdentity: itemIdentity(pageUrl), fullText, ranges, weights, rootWeight: frames[0]!.weight, boilerplateRoots, anchors, contacts };
}

function describeAnchor(el: Element, baseUrl: string, siteHost: string, inBoilerplate: boolean): PageAnchor {
  const href = el.attribs.href ?? '';
  let url: URL | null = null;
  if (!/^\s*(?:javascript|data|tel|sms|mailto|callto):/i.test(href)) {
    try {
      url = new URL(href.trim(), baseUrl);
      url.hash = '';
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
    }
  }
  const web = url !== null && (url.protocol === 'http:' || url.protocol === 'https:');
  return {
    element: el,
    href,
    url: web ? url!.href : null,
    identity: web ? itemIdentity(url!) : null,
    shape: web ? urlShape(url!) : null,
    sameSite: web && url!.hostname.toLowerCase() === siteHost,
    inBoilerplate,
    rel: (el.attribs.rel ?? '').toLowerCase(),
  };
}

/** The span an element covers in the full text; the root covers all of it, a hidden element none. */
export function rangeOf(survey: PageSurvey, node: ParentNode): TextRange {
  if (node === survey.page.root) return { start: 0, end: survey.fullText.length };
  return survey.ranges.get(node as Element) ?? { start: 0, end: 0 };
}

export function weightOf(survey: PageSurvey, node: ParentNode): number {
  return node === survey.page.root ? survey.rootWeight : (survey.weights.get(node as Element) ?? 0);
}
