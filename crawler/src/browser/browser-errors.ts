import { DeadLetterError, RetryableError, StopRunError } from '@indicia/core';

/**
 * Browser failures as classes the crawl acts on (fetch-errors.ts has the ones shared with the
 * HTTP fetcher: proxy, network, timeout, redirects, decoding).
 */

/** The browser process died or disconnected and the page still failed after the bounded relaunches. */
export class BrowserCrashedError extends RetryableError {
  override readonly name: string = 'BrowserCrashedError';
}

/** The page's renderer crashed on every attempt: most likely the page itself (memory, hostile script). */
export class PageCrashedError extends DeadLetterError {
  override readonly name: string = 'PageCrashedError';
}

/** The page's scripts kept the renderer from answering (busy loop): nothing can be captured from it. */
export class UnresponsivePageError extends DeadLetterError {
  override readonly name: string = 'UnresponsivePageError';
}

/** The document or a redirect of it left the crawl's scope, so the browser refused to load it. */
export class OffScopeNavigationError extends DeadLetterError {
  override readonly name: string = 'OffScopeNavigationError';
}

/** The URL answered with something the browser does not render as a page (a download, an error it cannot show). */
export class UnrenderablePageError extends DeadLetterError {
  override readonly name: string = 'UnrenderablePageError';
}

/** The browser executable could not be started at all: browser fetching cannot go on in this run. */
export class BrowserLaunchError extends StopRunError {
  override readonly name: string = 'BrowserLaunchError';
}

/** fetch() after close(). */
export class BrowserFetcherClosedError extends StopRunError {
  override readonly name: string = 'BrowserFetcherClosedError';
}
