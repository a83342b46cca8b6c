import { bannerPng, brochurePdf } from './binary-assets.js';
import { hugePageBody } from './huge-page.js';
import { htmlResponse, notFoundResponse, redirectResponse, textResponse, type SiteRequest, type SiteResponse } from './site-response.js';

/** What the shared routes need to know about the site they are serving. */
export interface SiteContext {
  siteName: string;
  /** First listing page, linked from the malformed page. */
  listingHref: string;
  /** Absolute URL /go/<id> redirects to, or undefined when there is no such ad. */
  goTarget(id: number): string | undefined;
}

/**
 * Traps and bad input every site links to from its home and about pages. Each is a URL a crawler
 * meets in the wild: keep them in step with pageInventory, which counts them.
 */
export const trapLinks: ReadonlyArray<{ href: string; text: string }> = [
  { href: '/trap/malformed', text: 'Old site' },
  { href: '/trap/huge', text: 'Full archive (one page)' },
  { href: '/files/brochure.pdf', text: 'Advertiser brochure (PDF)' },
  { href: '/img/banner.png', text: 'Banner' },
  { href: '/trap/flaky', text: 'Service status' },
  { href: '/trap/error', text: 'Partners' },
  { href: '/trap/loop-a', text: 'Mirror' },
];

export const robotsTxt = 'User-agent: *\nDisallow: /private/\n';

/** How many times /trap/flaky fails on each host before it answers. */
export const flakyFailures = 2;

export class CommonRoutes {
  private readonly flakyHits = new Map<string, number>();

  respond(request: SiteRequest, site: SiteContext): SiteResponse | undefined {
    const { pathname } = request;
    switch (pathname) {
      case '/robots.txt':
        return textResponse(robotsTxt);
      case '/trap/malformed':
        return htmlResponse(malformedPage(site));
      case '/trap/huge':
        return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: hugePageBody() };
      case '/files/brochure.pdf':
        return { status: 200, headers: { 'content-type': 'application/pdf' }, body: brochurePdf };
      case '/img/banner.png':
        return { status: 200, headers: { 'content-type': 'image/png' }, body: bannerPng };
      case '/trap/error':
        return htmlResponse('<!DOCTYPE html><html><head><title>Error</title></head><body><h1>500 Internal Server Error</h1></body></html>\n', 500);
      case '/trap/flaky':
        return this.flaky(request.host, site);
      case '/trap/loop-a':
        return redirectResponse('/trap/loop-b');
      case '/trap/loop-b':
        return redirectResponse('/trap/loop-a');
    }
    if (pathname.startsWith('/go/')) {
      const id = Number(pathname.slice(4));
      const target = Number.isSafeInteger(id) ? site.goTarget(id) : undefined;
      return target === undefined ? notFoundResponse() : redirectResponse(target);
    }
    return undefined;
  }

  private flaky(host: string, site: SiteContext): SiteResponse {
    const hits = (this.flakyHits.get(host) ?? 0) + 1;
    this.flakyHits.set(host, hits);
    if (hits <= flakyFailures) {
      return { ...htmlResponse('<!DOCTYPE html><html><body><h1>503 Service Unavailable</h1><p>Try again later.</p></body></html>\n', 503), headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '1' } };
    }
    return htmlResponse(`<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Service status | ${site.siteName}</title></head>\n<body><h1>Service status</h1><p>All systems normal.</p><p><a href="/">Home</a></p></body></html>\n`);
  }
}

/**
 * Unclosed and misnested tags, stray "<", a bad entity, a NUL byte and a tag cut off by the end of
 * the file. An HTML5 parser still finds its four links, all to pages linked elsewhere.
 */
function malformedPage(site: SiteContext): string {
  return `<!DOCTYPE html><html><head><title>Old ${site.siteName}</title><body>
<div><p>Welcome to the <b>old <i>site</b></i> where 3 < 5 and << stray brackets
<table><tr><td>unclosed cell <a href="/about">About us</a> <td><a href=/ >Home <div></table>
NUL here:\u0000: and a bad entity &notanentity; </span></span>
<ul><li><a href='${site.listingHref}'>Listings<li><a href=/terms>Terms</a></ul></ul>
<div class="cut off by the end of the file`;
}
