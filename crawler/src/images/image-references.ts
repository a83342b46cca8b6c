import { load, type AnyNode, type CheerioAPI, type Element } from 'cheerio';
import { canonicalizeCrawlableUrl } from '../canonical-url.js';

/** An image a page shows, as the crawl would fetch it. */
export interface ImageReference {
  /** Absolute URL as written in the page (resolved against `<base href>` or the page URL): what is fetched. */
  url: string;
  /** Canonical form: what scope is decided on and references are deduplicated by. */
  canonicalUrl: string;
}

/** Attributes lazy-loading scripts move the real `srcset` into, tried before `srcset` itself (often a placeholder). */
const lazySrcsetAttributes = ['data-srcset', 'data-lazy-srcset', 'srcset'];
/** Attributes lazy-loading scripts move the real `src` into, tried before `src` (often a placeholder or a spinner). */
const lazySrcAttributes = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-echo', 'data-full-src', 'data-hi-res-src', 'src'];
/** Background-image holders of lazy-loading libraries: the value is a URL or a CSS `url(...)`. */
const backgroundAttributes = ['data-bg', 'data-background', 'data-background-image'];

const elementsShowingImages = [
  'img',
  'input[type="image" i]',
  'noscript',
  '[style*="url(" i]',
  ...backgroundAttributes.map((name) => `[${name}]`),
].join(', ');

const cssUrl = /url\(\s*(["']?)(.*?)\1\s*\)/gi;

/**
 * The images an HTML page shows, in document order, each canonical URL once: `<img>` (the largest
 * `srcset` candidate, else the lazy-loading attributes, else `src`), `<picture>` (its first
 * `<source>` with a usable candidate, else its `<img>`), `<input type=image>`, inline
 * `background-image: url(...)`, lazy background attributes, and `<img>` inside `<noscript>` (the
 * fallback lazy-loading sites give). Left out: non-http(s) URLs, and so `data:` URIs (placeholders
 * for lazy loading almost always; their bytes are in the page's own capture anyway), and images
 * declared 1x1 (tracking pixels).
 */
export function imageReferences($: CheerioAPI, pageUrl: string): ImageReference[] {
  const base = baseUrlOf($, pageUrl);
  const found = new Map<string, ImageReference>();
  const add = (raw: string | undefined): void => {
    const reference = raw === undefined ? null : resolve(raw, base);
    if (reference && !found.has(reference.canonicalUrl)) found.set(reference.canonicalUrl, reference);
  };
  collect($, $(elementsShowingImages).toArray().filter(isElement), add);
  return [...found.values()];
}

/** For HTML that arrives as a string (a browser's rendered DOM): parsed here, then as imageReferences. */
export function imageReferencesInHtml(html: string, pageUrl: string): ImageReference[] {
  return imageReferences(load(html), pageUrl);
}

function collect($: CheerioAPI, elements: Element[], add: (raw: string | undefined) => void): void {
  for (const element of elements) {
    const name = element.tagName.toLowerCase();
    if (name === 'noscript') {
      // parse5 (scripting on) keeps <noscript> content as text; htmlparser2 parses it into elements,
      // which the selector already visits.
      if ($(element).children().length === 0) {
        const fragment = load($(element).text(), null, false);
        collect(fragment, fragment('img').toArray().filter(isElement), add);
      }
      continue;
    }
    if ((name === 'img' || name === 'input') && !isTrackingPixel(element)) add(chosenSource($, element));
    for (const url of backgroundUrls(element)) add(url);
  }
}

function chosenSource($: CheerioAPI, img: Element): string | undefined {
  const parent = img.parent;
  if (parent && parent.type === 'tag' && parent.tagName.toLowerCase() === 'picture') {
    for (const source of $(parent).children('source').toArray().filter(isElement)) {
      const url = largestCandidateOf(source);
      if (url) return url;
    }
  }
  return largestCandidateOf(img) ?? lazySrcAttributes.map((name) => usable(img.attribs[name])).find(Boolean);
}

function largestCandidateOf(element: Element): string | undefined {
  for (const name of lazySrcsetAttributes) {
    const value = element.attribs[name];
    const candidates = value ? parseSrcset(value).filter((candidate) => usable(candidate.url)) : [];
    if (candidates.length > 0) return largest(candidates).url;
  }
  return undefined;
}

interface SrcsetCandidate {
  url: string;
  /** `300w`, when given. */
  width: number | null;
  /** `2x`; 1 when no descriptor is given. */
  density: number;
}

/** Width descriptors win over densities when a srcset mixes them (browsers treat mixed sets as errors). */
function largest(candidates: SrcsetCandidate[]): SrcsetCandidate {
  const widths = candidates.filter((candidate) => candidate.width !== null);
  const pool = widths.length > 0 ? widths : candidates;
  const size = (candidate: SrcsetCandidate): number => candidate.width ?? candidate.density;
  return pool.reduce((best, candidate) => (size(candidate) > size(best) ? candidate : best));
}

/**
 * The HTML standard's srcset grammar, simplified: a URL is a run of non-space characters (so the
 * commas of a `data:` URI stay in it), descriptors run to the next comma outside parentheses.
 */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);
  let index = 0;
  while (index < value.length) {
    while (index < value.length && (isSpace(value[index]) || value[index] === ',')) index += 1;
    if (index >= value.length) break;
    const urlStart = index;
    while (index < value.length && !isSpace(value[index])) index += 1;
    let url = value.slice(urlStart, index);
    let descriptors = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      const descriptorsStart = index;
      let depth = 0;
      while (index < value.length && !(value[index] === ',' && depth <= 0)) {
        if (value[index] === '(') depth += 1;
        if (value[index] === ')') depth -= 1;
        index += 1;
      }
      descriptors = value.slice(descriptorsStart, index).trim();
      index += 1;
    }
    const candidate: SrcsetCandidate = { url, width: null, density: 1 };
    for (const descriptor of descriptors.split(/\s+/)) {
      const width = /^(\d+)w$/i.exec(descriptor);
      const density = /^(\d*\.?\d+)x$/i.exec(descriptor);
      if (width) candidate.width = Number(width[1]);
      else if (density) candidate.density = Number(density[1]);
    }
    if (url) candidates.push(candidate);
  }
  return candidates;
}

function backgroundUrls(element: Element): string[] {
  const urls: string[] = [];
  for (const match of (element.attribs.style ?? '').matchAll(cssUrl)) urls.push(match[2] ?? '');
  for (const name of backgroundAttributes) {
    const value = element.attribs[name]?.trim();
    if (!value) continue;
    const inCss = [...value.matchAll(cssUrl)].map((match) => match[2] ?? '');
    urls.push(...(inCss.length > 0 ? inCss : [value]));
  }
  return urls.filter((url) => usable(url));
}

/** Both dimensions declared at most 1 pixel, by attribute or inline style. */
function isTrackingPixel(element: Element): boolean {
  const declared = (attribute: string, property: string): number | null => {
    const fromAttribute = element.attribs[attribute];
    if (fromAttribute !== undefined && /^\s*\d+(\.\d+)?\s*(px)?\s*$/i.test(fromAttribute)) return Number.parseFloat(fromAttribute);
    const fromStyle = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*(\\d+(?:\\.\\d+)?)px`, 'i').exec(element.attribs.style ?? '');
    return fromStyle ? Number(fromStyle[1]) : null;
  };
  const width = declared('width', 'width');
  const height = declared('height', 'height');
  return width !== null && height !== null && width <= 1 && height <= 1;
}

function isElement(node: AnyNode): node is Element {
  return 'attribs' in node;
}

function usable(url: string | undefined): string | undefined {
  const trimmed = url?.trim();
  return trimmed && !/^data:/i.test(trimmed) ? trimmed : undefined;
}

function resolve(raw: string, base: string): ImageReference | null {
  const canonicalUrl = canonicalizeCrawlableUrl(raw, base);
  if (!canonicalUrl) return null;
  const url = new URL(raw.trim(), base);
  url.hash = '';
  return { url: url.href, canonicalUrl };
}

function baseUrlOf($: CheerioAPI, pageUrl: string): string {
  const href = $('base[href]').first().attr('href');
  return href && URL.canParse(href, pageUrl) ? new URL(href, pageUrl).href : pageUrl;
}
