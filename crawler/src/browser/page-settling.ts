import { errors, type Page } from 'playwright-core';
import { UnresponsivePageError } from './browser-errors.js';
import type { NetworkRecorder } from './network-recorder.js';
import { inPage, measurePageScript, scrollThroughScript } from './page-scripts.js';
import { sleep, withinTime } from './time-limit.js';

export interface SettleOptions {
  settleTimeoutMs: number;
  networkIdleMs: number;
  maxScrolls: number;
  /** Scrolling stops here: the screenshot is cut at this height anyway. */
  maxPageHeight: number;
  viewportHeight: number;
}

export interface SettleOutcome {
  settled: boolean;
  /** Why the page was captured before it settled; null when it settled. */
  unsettledReason: string | null;
  scrollRounds: number;
}

interface PageSize {
  height: number;
  width: number;
  elements: number;
}

const scrollStepsPerRound = 60;
const scrollReactionMs = 100;
/** A script call that takes longer means the page's own scripts hold the renderer (busy loop). */
export const scriptCallTimeoutMs = 5_000;

/**
 * Lets a page finish what it does on its own, within one time budget: the load event, network
 * idle, then rounds of scrolling to the bottom (infinite scroll, lazy images) until a round
 * changes nothing. Running out of budget is an outcome (the page is captured as it is), not an error.
 */
export async function settlePage(page: Page, recorder: NetworkRecorder, options: SettleOptions): Promise<SettleOutcome> {
  const giveUpAt = Date.now() + options.settleTimeoutMs;
  const viewportHeight = options.viewportHeight;
  const remaining = () => Math.max(1, giveUpAt - Date.now());
  const unsettled = (reason: string, scrollRounds: number): SettleOutcome => ({ settled: false, unsettledReason: reason, scrollRounds });

  if (!(await loaded(page, remaining()))) return unsettled(`the load event did not fire within ${options.settleTimeoutMs} ms`, 0);
  if (!(await recorder.waitForIdle(options.networkIdleMs, remaining()))) return unsettled(`the network was still busy after ${options.settleTimeoutMs} ms`, 0);

  for (let round = 1; round <= options.maxScrolls; round++) {
    if (Date.now() >= giveUpAt) return unsettled(`still growing after ${round - 1} scroll rounds and ${options.settleTimeoutMs} ms`, round - 1);
    const before = await measure(page);
    // Nothing to scroll: the page fits the window (or already reached the height cap).
    if (before.height <= viewportHeight || before.height >= options.maxPageHeight) return { settled: true, unsettledReason: null, scrollRounds: round - 1 };
    const requestsBefore = recorder.requestsStarted;
    await evaluateWithin(page, inPage(scrollThroughScript, { maxHeight: options.maxPageHeight, maxSteps: scrollStepsPerRound }));
    // A scroll handler or observer that loads more starts its request within a few frames.
    await sleep(scrollReactionMs);
    let after = await measure(page);
    if (recorder.requestsStarted !== requestsBefore) {
      if (!(await recorder.waitForIdle(options.networkIdleMs, remaining()))) {
        return unsettled(`still loading after ${round} scroll rounds and ${options.settleTimeoutMs} ms`, round);
      }
      after = await measure(page);
    }
    const changed = after.height > before.height || after.elements !== before.elements || recorder.requestsStarted !== requestsBefore;
    if (!changed) return { settled: true, unsettledReason: null, scrollRounds: round };
  }
  return options.maxScrolls === 0
    ? { settled: true, unsettledReason: null, scrollRounds: 0 }
    : unsettled(`still growing after ${options.maxScrolls} scroll rounds`, options.maxScrolls);
}

export function measure(page: Page): Promise<PageSize> {
  return evaluateWithin<PageSize>(page, inPage(measurePageScript));
}

export function evaluateWithin<T>(page: Page, expression: string, timeoutMs = scriptCallTimeoutMs): Promise<T> {
  return withinTime(page.evaluate<T>(expression), timeoutMs, () => new UnresponsivePageError(`the page did not answer a script call within ${timeoutMs} ms`));
}

async function loaded(page: Page, timeoutMs: number): Promise<boolean> {
  try {
    await page.waitForLoadState('load', { timeout: timeoutMs });
    return true;
  } catch (error) {
    if (error instanceof errors.TimeoutError) return false;
    throw error;
  }
}
