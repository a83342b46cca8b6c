import type { BrowserContext, Request, Route } from 'playwright-core';

/** Why a request was refused; counted, and listed (bounded) on the capture. */
export type BlockReason = 'off-scope-navigation' | 'off-scope-resource' | 'off-scope-websocket';

export interface BlockedRequest {
  url: string;
  resourceType: string;
  reason: BlockReason;
}

/** Resource types a page needs to render, fetched wherever they are hosted (as the page itself would). */
const neededResourceTypes = new Set(['script', 'xhr', 'fetch', 'image', 'stylesheet', 'font']);

export interface RequestDescription {
  url: string;
  resourceType: string;
  /** Documents: the page's own and its frames'. */
  isNavigation: boolean;
}

/**
 * The routing rule: documents (the page, its redirects, its frames) must be in scope; what a page
 * needs to render may come from anywhere; anything else (media, beacons, manifests, event
 * streams...) only from in scope.
 */
export function blockReason(request: RequestDescription, inScope: (url: string) => boolean): BlockReason | null {
  if (!/^https?:/i.test(request.url)) return null;
  if (request.isNavigation) return inScope(request.url) ? null : 'off-scope-navigation';
  if (neededResourceTypes.has(request.resourceType)) return null;
  return inScope(request.url) ? null : 'off-scope-resource';
}

const listedBlocksCap = 200;

/** Applies blockReason to every request of one browser context and keeps count. */
export class ScopeRouter {
  blockedCount = 0;
  readonly blocked: BlockedRequest[] = [];
  /** The main frame's document was refused (the page or one of its redirects is off scope). */
  mainDocumentBlocked: BlockedRequest | null = null;

  constructor(private readonly inScope: (url: string) => boolean) {}

  async attach(context: BrowserContext): Promise<void> {
    await context.route('**/*', (route) => this.decide(route));
    await context.routeWebSocket(
      () => true,
      async (socket) => {
        if (this.inScope(socket.url().replace(/^ws/i, 'http'))) {
          socket.connectToServer();
          return;
        }
        this.record({ url: socket.url(), resourceType: 'websocket', reason: 'off-scope-websocket' });
        await socket.close({ code: 1008, reason: 'out of crawl scope' });
      },
    );
  }

  private async decide(route: Route): Promise<void> {
    const request = route.request();
    const reason = blockReason({ url: request.url(), resourceType: request.resourceType(), isNavigation: request.isNavigationRequest() }, this.inScope);
    if (reason === null) {
      await route.continue();
      return;
    }
    const blocked = { url: request.url(), resourceType: request.resourceType(), reason };
    this.record(blocked);
    if (request.isNavigationRequest() && isMainFrame(request)) this.mainDocumentBlocked = blocked;
    await route.abort('blockedbyclient');
  }

  /** A redirect hop refused by the redirect guard, which sees what Playwright's routes do not. */
  recordBlockedRedirect(blocked: BlockedRequest, where: { mainFrame: boolean }): void {
    this.record(blocked);
    if (where.mainFrame) this.mainDocumentBlocked = blocked;
  }

  private record(blocked: BlockedRequest): void {
    this.blockedCount += 1;
    if (this.blocked.length < listedBlocksCap) this.blocked.push(blocked);
  }
}

function isMainFrame(request: Request): boolean {
  const frame = request.frame();
  return frame.parentFrame() === null;
}
