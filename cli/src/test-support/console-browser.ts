import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { findBrowserExecutable } from '@indicia/crawler';

/** Flags that keep Chromium from calling Google on its own (MACHINE-NOTES), so every request seen is the page's. */
const quietFlags = [
  '--disable-gpu', '--disable-sync', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-default-apps', '--disable-extensions', '--disable-breakpad', '--no-sandbox',
  '--component-updater=url-source=http://127.0.0.1:9/', '--gaia-url=http://127.0.0.1:9/', '--google-apis-url=http://127.0.0.1:9/', '--lso-url=http://127.0.0.1:9/',
];

export async function launchChromium(): Promise<Browser> {
  const found = findBrowserExecutable({ explicitPath: process.env.INDICIA_BROWSER || null });
  if (!found.found) throw new Error(`these tests need Chromium: ${found.message}`);
  return chromium.launch({ executablePath: found.path, headless: true, args: quietFlags, timeout: 30_000 });
}

/**
 * What a page did that it must not: scripts run by scraped content (the payloads bump
 * `window.__pwned`), dialogs opened, and requests that tried to leave the console's origin. Such
 * requests are aborted, so a failure here never reaches the outside either.
 */
export class PageWatch {
  readonly outsideRequests: string[] = [];
  readonly dialogs: string[] = [];
  readonly requests: string[] = [];

  constructor(readonly origin: string) {}

  async attach(context: BrowserContext): Promise<void> {
    // Any frame that runs a payload counts it in its own window (payloads add to window.__pwned).
    await context.addInitScript('window.__pwned = 0;');
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      this.requests.push(url);
      if (url.startsWith(`${this.origin}/`) || url === this.origin || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
      this.outsideRequests.push(url);
      return route.abort('blockedbyclient');
    });
    context.on('page', (page) => this.watchPage(page));
  }

  watchPage(page: Page): void {
    page.on('dialog', (dialog) => {
      this.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
  }

  /**
   * Sum of `__pwned` over the page's frames. A frame sandboxed without allow-scripts (or inside
   * one) cannot run anything, nor be evaluated in (Playwright would wait forever for a script
   * context): it is checked for its sandbox instead and counts 0.
   */
  async executions(page: Page): Promise<number> {
    let total = 0;
    for (const frame of page.frames()) {
      if (await isScriptless(frame)) continue;
      total += Number(await frame.evaluate('Number(window.__pwned ?? 0)'));
    }
    return total;
  }
}

/** The frame or one of its ancestors is an iframe sandboxed without allow-scripts (frames inherit it). */
async function isScriptless(frame: Frame): Promise<boolean> {
  for (let current = frame; current.parentFrame() !== null; current = current.parentFrame()!) {
    const sandbox = await (await current.frameElement()).getAttribute('sandbox');
    if (sandbox !== null && !sandbox.split(/\s+/).includes('allow-scripts')) return true;
  }
  return false;
}

