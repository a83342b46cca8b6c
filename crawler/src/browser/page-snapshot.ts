import type { Page } from 'playwright-core';
import { UnresponsivePageError } from './browser-errors.js';
import { collectLinksScript, inPage } from './page-scripts.js';
import { evaluateWithin, measure, scriptCallTimeoutMs } from './page-settling.js';
import { withinTime } from './time-limit.js';

export interface PageSnapshot {
  /** The DOM after scripts ran, serialised (page.content()). */
  html: string;
  screenshotPng: Buffer;
  /** CSS pixels of the whole page, and of the screenshot when the page was taller than the cap. */
  pageHeight: number;
  screenshotHeight: number;
  /** a[href]/area[href] resolved against the document, deduplicated, in document order. */
  links: string[];
  /** img currentSrc (or src), resolved, deduplicated; http(s) and data: alike, the caller filters. */
  imageUrls: string[];
}

export interface SnapshotOptions {
  maxScreenshotHeight: number;
  viewportWidth: number;
}

const maxLinks = 20_000;
const maxImages = 5_000;
const screenshotTimeoutMs = 20_000;
const maxWidthInViewports = 2;

export async function snapshotPage(page: Page, options: SnapshotOptions): Promise<PageSnapshot> {
  const html = await withinTime(page.content(), scriptCallTimeoutMs, () => new UnresponsivePageError('the page did not hand over its DOM'));
  const { links, images } = await evaluateWithin<{ links: string[]; images: string[] }>(page, inPage(collectLinksScript, { maxLinks, maxImages }));
  const size = await measure(page);
  const pageHeight = Math.max(1, Math.ceil(size.height));
  const screenshotHeight = Math.min(pageHeight, options.maxScreenshotHeight);
  const screenshotPng = await page.screenshot({
    type: 'png',
    fullPage: true,
    timeout: screenshotTimeoutMs,
    animations: 'disabled',
    // Always clipped: a page of endless height or width would otherwise become a gigantic bitmap.
    clip: { x: 0, y: 0, width: Math.min(Math.max(options.viewportWidth, Math.ceil(size.width)), maxWidthInViewports * options.viewportWidth), height: screenshotHeight },
  });
  return { html, screenshotPng, pageHeight, screenshotHeight, links, imageUrls: images };
}
