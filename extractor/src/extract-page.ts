import { adIdFor, DeadLetterError, type AdExtracted, type AdImage, type DomainSeen, type PageCaptured } from '@indicia/core';
import type { Element, ParentNode } from 'domhandler';
import { contentLinks, contentText, webHost } from './ad-content.js';
import { findAge } from './ad-age.js';
import { findAdLocation } from './ad-location.js';
import { findPrices } from './ad-price.js';
import { findPostedAt } from './ad-posted-at.js';
import { findAdTitle } from './ad-title.js';
import { findCardGroups } from './card-groups.js';
import { contentHash } from './content-hash.js';
import { inferDefaultCountry, type InferredCountry } from './country-inference.js';
import { collectIndicators } from './extract-indicators.js';
import { hasAncestorIn, parseHtmlPage } from './html-document.js';
import { withImageContacts } from './images/image-contacts.js';
import { htmlContentProblem } from './html-content.js';
import { IndicatorCollector } from './indicator-collector.js';
import { findMainContent } from './main-content.js';
import { defaultMaxNesting, limitNesting } from './nesting-guard.js';
import { classifyPage, type PageKind } from './page-classifier.js';
import { DomainCollector } from './page-domains.js';
import { measurePage } from './page-features.js';
import { adLanguage, pageLanguage } from './page-language.js';
import { surveyPage } from './page-survey.js';
import { asCountryCode } from './phone-number-parsing.js';
import { applySiteConfig } from './site-config-decision.js';
import { findSiteConfig, type SiteConfig } from './site-config.js';
import { selectElement, selectedText } from './site-selectors.js';
import { detectTextLanguage } from './text-language.js';

export interface ExtractOptions {
  siteConfigs?: SiteConfig[];
  /** Fallback country for national phone numbers when nothing on the page says one. */
  defaultCountry?: string;
  /**
   * HTML beyond this many characters is ignored (a huge page is still read, up to here, and marked
   * truncated). Default 1,000,000: ad pages are tens of kB; a 10 MB page read whole takes seconds.
   */
  maxHtmlChars?: number;
  /**
   * This page's images as read by readImages (perceptual hash, OCR text): they become `ad.images`,
   * their OCR text is searched for indicators (provenance `source: 'ocr'`, `imageSha256`), and
   * contacts in them count for ad detection. Per page, unlike the other options.
   */
  imageReadings?: AdImage[];
}

export interface PageExtraction {
  kind: PageKind;
  ad: AdExtracted | null;
  domains: DomainSeen[];
  reasons: string[];
}

const defaultMaxHtmlChars = 1_000_000;

/**
 * Reads one captured page: is it an ad, and if so its title, text, date, location and contact
 * indicators with provenance. Pure and synchronous: the same capture always gives the same result.
 * Malformed HTML is read as well as it can be; only a capture without a usable URL is refused.
 */
export function extractPage(page: PageCaptured, options: ExtractOptions = {}): PageExtraction {
  const pageUrl = parsePageUrl(page);
  const site = page.site || pageUrl.hostname;
  const siteConfig = findSiteConfig(options.siteConfigs, site);
  const siteDomains = new DomainCollector(page.captureId, null);
  siteDomains.addHost(site, 'site');

  const problem = htmlContentProblem(page);
  if (problem) return { kind: 'other', ad: null, domains: siteDomains.list(), reasons: [problem] };

  const maxChars = options.maxHtmlChars ?? defaultMaxHtmlChars;
  const reasons: string[] = [];
  if (page.truncated) reasons.push('body was cut at the crawler size cap');
  const htmlCut = page.body.length > maxChars;
  if (htmlCut) reasons.push(`HTML read up to ${maxChars} characters`);
  const limited = limitNesting(page.body.length > maxChars ? page.body.slice(0, maxChars) : page.body);
  if (limited.flattened) reasons.push(`elements nested deeper than ${defaultMaxNesting} levels were flattened`);
  const html = parseHtmlPage(limited.html, pageUrl.href);
  const survey = surveyPage(html, pageUrl);
  const cardGroups = findCardGroups(survey);
  const main = findMainContent(survey, cardGroups);
  const images = options.imageReadings ?? [];
  const measured = withImageContacts(measurePage(survey, cardGroups, main), main.contacts.map((c) => c.key), images);
  const decision = applySiteConfig(siteConfig, pageUrl.href, classifyPage(measured.features));
  if (measured.imageContacts > 0) decision.reasons.unshift(`${measured.imageContacts} contact detail(s) read from images count as main-block contacts`);
  reasons.push(...decision.reasons);
  if (decision.kind !== 'ad') return { kind: decision.kind, ad: null, domains: siteDomains.list(), reasons };

  // A configured body is taken whole; the generic content block leaves out chrome and other items' cards.
  const configuredBody = selectElement(siteConfig?.selectors?.body, html);
  const content: ParentNode = configuredBody ?? main.element;
  const leftOut = configuredBody ? new Set<Element>() : new Set<Element>([...survey.boilerplateRoots, ...cardGroups.flatMap((g) => g.members)]);
  const boilerplate = new Set(survey.boilerplateRoots);

  const text = contentText(survey, content, leftOut);
  const title =
    selectedText(siteConfig?.selectors?.title, html) ??
    findAdTitle({ document: html.document, content, root: html.root, isChrome: (el) => hasAncestorIn(el, boilerplate, { includeSelf: true }) });
  const language = pageLanguage(html, page);
  const location = findAdLocation({ text, title, selected: selectedText(siteConfig?.selectors?.location, html) });
  const titledText = `${title}\n${text}`;
  const detectedLanguage = detectTextLanguage(titledText);
  const defaultCountry =
    inferDefaultCountry({
      ...(siteConfig ? { siteConfig } : {}),
      url: pageUrl.href,
      htmlLang: language,
      textLanguage: detectedLanguage?.clear ? detectedLanguage.language : null,
      text: titledText,
      location: location?.text ?? null,
    }) ?? optionCountry(options.defaultCountry);
  const country = defaultCountry?.country;
  // The declaration stays what national phone numbers are read by (its region); the ad's language follows its text.
  const chosenLanguage = adLanguage(language, detectedLanguage);
  const priceCountry = location?.country ?? country ?? null;
  const prices = findPrices(text, { country: priceCountry });

  const collector = new IndicatorCollector();
  const countryContext = country ? { defaultCountry: country } : {};
  collectIndicators(collector, text, { captureId: page.captureId, source: 'text', ...countryContext });
  const links = contentLinks(survey, content, leftOut);
  for (const href of links) collectIndicators(collector, href, { captureId: page.captureId, source: 'html-attr', attribute: 'href', ...countryContext });
  for (const image of images) {
    if (image.ocr.status === 'read') collectIndicators(collector, image.ocr.text, { captureId: page.captureId, source: 'ocr', imageSha256: image.sha256, ...countryContext });
  }
  const indicators = collector.list();

  const canonicalUrl = page.canonicalUrl || pageUrl.href;
  const adId = adIdFor(canonicalUrl);
  const domains = new DomainCollector(page.captureId, adId);
  domains.addHost(site, 'site');
  for (const href of links) {
    const host = webHost(href, html.baseUrl);
    if (host) domains.addHost(host, 'url');
  }
  domains.addIndicators(indicators);

  const ad: AdExtracted = {
    adId,
    captureId: page.captureId,
    url: page.finalUrl || page.url,
    canonicalUrl,
    site,
    fetchedAt: page.fetchedAt,
    title,
    text,
    contentHash: contentHash(title, text),
    postedAt: findPostedAt({ html, content, text, fetchedAt: page.fetchedAt, dateSelector: siteConfig?.selectors?.date, country: country ?? null }),
    location,
    language: chosenLanguage.language,
    languageBasis: chosenLanguage.basis,
    prices: prices.length > 0 ? prices : findPrices(title, { country: priceCountry, source: 'title' }),
    age: findAge({ text, title }),
    defaultCountry: defaultCountry ? { country: defaultCountry.country, basis: defaultCountry.basis } : null,
    indicators,
    detection: { method: decision.method, score: decision.score, reasons: decision.reasons },
    truncated: page.truncated || htmlCut,
    images,
    needsBrowser: page.needsBrowser,
  };
  return { kind: 'ad', ad, domains: domains.list(), reasons };
}

function parsePageUrl(page: PageCaptured): URL {
  for (const candidate of [page.finalUrl, page.url, page.canonicalUrl]) {
    try {
      return new URL(candidate);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
    }
  }
  throw new DeadLetterError(`capture ${page.captureId} has no valid absolute URL (finalUrl "${page.finalUrl}")`);
}

function optionCountry(country: string | undefined): InferredCountry | null {
  const code = asCountryCode(country);
  return code ? { country: code, basis: 'option' } : null;
}
