import { bannerPng } from './binary-assets.js';
import type { SiteContext } from './common-routes.js';
import { hostileAdSources, type HostileAdSource, type HostilePayloadKind } from './hostile-ads-data.js';
import { escapeHtml } from './html.js';
import { hostileAdsHost, type TestbedSite } from './site-hosts.js';
import { htmlResponse, type SiteRequest, type SiteResponse } from './site-response.js';
import type { VirtualSite } from './virtual-site.js';

/** One hostile ad as a test checks it: where it is and the contacts its text holds. */
export interface HostileAdTruth {
  id: number;
  url: string;
  kind: HostilePayloadKind;
  /** The title as the page writes it in text (escaped in the HTML): what extraction reads. */
  title: string;
  phones: string[];
  emails: string[];
}

const adPath = /^\/ads\/(\d{1,3})$/;
const photoPath = /^\/img\/ads\/(\d{1,3})\.png$/;
const siteName = 'Hostile Board';

/**
 * Not a seed of the testbed and in no ground truth: crawls of the testbed's sites never reach it.
 * A test that wants it crawls `hostileAdsSeedUrl` on purpose.
 */
export const hostileAdsSite: TestbedSite = { host: hostileAdsHost, kind: 'hostile-ads', seedUrl: `http://${hostileAdsHost}/`, language: ['en'], requires: null };
export const hostileAdsSeedUrl = hostileAdsSite.seedUrl;

export function hostileAds(): HostileAdTruth[] {
  return hostileAdSources.map((source, index) => ({
    id: index + 1,
    url: `http://${hostileAdsHost}/ads/${index + 1}`,
    kind: source.kind,
    title: source.title,
    phones: [...source.phones],
    emails: [...source.emails],
  }));
}

/** Routes of hostile-board.test: a listing and one page per hostile ad, each with a real picture. */
export class HostileAdsSite implements VirtualSite {
  readonly info: TestbedSite = hostileAdsSite;
  readonly context: SiteContext = {
    siteName,
    listingHref: '/',
    goTarget: (id) => (id >= 1 && id <= hostileAdSources.length ? `http://${hostileAdsHost}/ads/${id}` : undefined),
  };

  respond(request: SiteRequest): SiteResponse | undefined {
    if (request.pathname === '/') return htmlResponse(listingPage());
    const ad = adPath.exec(request.pathname);
    if (ad) {
      const id = Number(ad[1]);
      const source = hostileAdSources[id - 1];
      return source === undefined ? undefined : htmlResponse(adPage(id, source));
    }
    const photo = photoPath.exec(request.pathname);
    if (photo && Number(photo[1]) >= 1 && Number(photo[1]) <= hostileAdSources.length) {
      return { status: 200, headers: { 'content-type': 'image/png' }, body: bannerPng };
    }
    return undefined;
  }
}

function listingPage(): string {
  const items = hostileAdSources.map((source, index) => `<li><a href="/ads/${index + 1}">${escapeHtml(source.title)}</a></li>`).join('\n');
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${siteName}</title></head>
<body><h1>${siteName}</h1><ul>\n${items}\n</ul></body></html>\n`;
}

/**
 * The picture's alt text and its URL's query carry markup too: a console showing either must treat
 * them as text. The query is percent-encoded by any client that fetches it.
 */
function adPage(id: number, source: HostileAdSource): string {
  const altPayload = `"><img src=x onerror="window.__pwned=(window.__pwned||0)+1">`;
  const pictureUrl = `/img/ads/${id}.png?caption=${encodeURIComponent('<script>window.__pwned=1</script>')}`;
  return `<!DOCTYPE html>
<html lang="en-US"><head><meta charset="utf-8"><title>${escapeHtml(source.title)} | ${siteName}</title>
${source.head}
</head>
<body>
<article>
<h1>${escapeHtml(source.title)}</h1>
<img src="${escapeHtml(pictureUrl)}" alt="${escapeHtml(altPayload)}" width="96" height="24">
${source.body}
<p>Location: United States.</p>
</article>
<p><a href="/">All ads</a></p>
</body></html>
`;
}
