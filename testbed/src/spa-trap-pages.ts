import { DeferredBody, type SiteResponse } from './site-response.js';

export type SpaTrapKind = 'never-idle' | 'busy-loop';

/**
 * Pages of the single-page app that a browser crawl must survive, linked from its listing by the
 * script (so only a browser finds them). Both are the app's shell; the script decides by path:
 * `never-idle` long-polls /api/live for ever, polls overlapping, so the network never goes quiet; `busy-loop` renders
 * a heading and then spins in `while (true)`, so the renderer never answers again.
 */
export const spaTrapLinks: ReadonlyArray<{ kind: SpaTrapKind; href: string; text: string }> = [
  { kind: 'never-idle', href: '/trap/live-chat', text: 'Live chat' },
  { kind: 'busy-loop', href: '/trap/spinner', text: 'Special offers' },
];

export const spaLivePollPath = '/api/live';

/** How long /api/live holds each poll; the page starts the next at half this, so one is always in flight. */
export const livePollHoldMs = 1_000;

export function isSpaTrapPath(pathname: string): boolean {
  return spaTrapLinks.some((trap) => trap.href === pathname);
}

/** A long poll: answered after livePollHoldMs, with nothing new. The timer never holds the testbed open. */
export function livePollResponse(): SiteResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: new DeferredBody(
      () => new Promise<Buffer>((resolve) => setTimeout(() => resolve(Buffer.from('{"messages":[]}')), livePollHoldMs).unref()),
    ),
  };
}
