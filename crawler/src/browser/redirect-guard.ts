import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { ScopeRouter } from './request-routing.js';

interface RequestPausedEvent {
  requestId: string;
  request: { url: string };
  resourceType: string;
  redirectedRequestId?: string;
  frameId: string;
}

/**
 * Playwright's routes see only the first request of a redirect chain: it continues the hops
 * itself, so a document redirecting out of scope would be fetched. This second DevTools session
 * pauses documents at the request stage (Chromium chains both interceptors) and refuses an
 * off-scope hop before it is sent. Everything else it lets through untouched: ScopeRouter decides.
 */
export async function guardDocumentRedirects(context: BrowserContext, page: Page, router: ScopeRouter, inScope: (url: string) => boolean): Promise<CDPSession> {
  const session = await context.newCDPSession(page);
  const mainFrameId = await mainFrameIdOf(session);
  session.on('Fetch.requestPaused', (event: RequestPausedEvent) => {
    const offScopeHop = event.redirectedRequestId !== undefined && /^https?:/i.test(event.request.url) && !inScope(event.request.url);
    if (!offScopeHop) {
      void session.send('Fetch.continueRequest', { requestId: event.requestId }).then(undefined, ignoreDetachedSession);
      return;
    }
    router.recordBlockedRedirect({ url: event.request.url, resourceType: 'document', reason: 'off-scope-navigation' }, { mainFrame: event.frameId === mainFrameId });
    void session.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'BlockedByClient' }).then(undefined, ignoreDetachedSession);
  });
  await session.send('Fetch.enable', { patterns: [{ resourceType: 'Document', requestStage: 'Request' }] });
  return session;
}

async function mainFrameIdOf(session: CDPSession): Promise<string> {
  const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  return frameTree.frame.id;
}

/** The page closed while a request was paused: there is nothing left to continue or fail. */
function ignoreDetachedSession(error: unknown): void {
  if (error instanceof Error && /closed|detached|Invalid InterceptionId|not found/i.test(error.message)) return;
  throw error;
}
