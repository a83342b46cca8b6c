/**
 * A small script-heavy site for the browser tests (not part of the package's API): an SPA whose
 * links exist only after a script fetched JSON, an infinite-scroll listing with lazy images, a
 * page with off-scope frames and media, an off-scope redirect, a document that never finishes,
 * and a slow page. Paths under /outside/ are what the tests' scope predicate calls off scope.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A valid 1×1 PNG. */
export const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export const spaAdCount = 4;
export const scrollPages = 4;

export function inTestScope(url: string): boolean {
  return !new URL(url).pathname.startsWith('/outside/');
}

const spaShell = `<!doctype html><html><head><title>SPA</title><script defer src="/static/app.js"></script></head>
<body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>`;

const spaScript = `fetch('/api/ads.json').then((r) => r.json()).then((ads) => {
  const root = document.getElementById('root');
  for (const ad of ads) {
    const item = document.createElement('article');
    item.innerHTML = '<a href="' + ad.href + '">' + ad.title + '</a><img src="' + ad.image + '">';
    root.appendChild(item);
  }
});`;

const spaAds = Array.from({ length: spaAdCount }, (_, i) => ({ href: `/ads/${i + 1}`, title: `Ad number ${i + 1}`, image: `/img/ad-${i + 1}.png` }));

/** Screen-tall items; near the bottom the next page is fetched and appended, until scrollPages; each item's image loads lazily. */
const scrollPage = `<!doctype html><html><head><title>Feed</title><style>.item{height:700px;border:1px solid #ccc}</style></head><body>
<div id="feed"></div>
<script>
let next = 1, loading = false;
const lazy = new IntersectionObserver((entries) => {
  for (const entry of entries) if (entry.isIntersecting) { entry.target.src = entry.target.dataset.src; lazy.unobserve(entry.target); }
});
async function load() {
  if (loading || next > ${scrollPages}) return;
  loading = true;
  const items = await (await fetch('/api/feed?page=' + next)).json();
  for (const item of items) {
    const div = document.createElement('div');
    div.className = 'item';
    div.innerHTML = '<a href="' + item.href + '">' + item.title + '</a><img data-src="' + item.image + '" width="10" height="10">';
    document.getElementById('feed').appendChild(div);
    lazy.observe(div.querySelector('img'));
  }
  next += 1;
  loading = false;
}
addEventListener('scroll', () => { if (innerHeight + scrollY >= document.body.scrollHeight - 300) load(); });
load();
</script>
<img loading="lazy" src="/img/native-lazy.png" style="position:absolute;top:2600px" width="10" height="10">
</body></html>`;

function feedPage(page: number) {
  return Array.from({ length: 2 }, (_, i) => {
    const id = `${page}-${i}`;
    return { href: `/feed/${id}`, title: `Feed item ${id}`, image: `/img/feed-${id}.png` };
  });
}

const offScopePage = `<!doctype html><html><head><title>Frames</title></head><body><h1>Frames</h1>
<iframe src="/outside/frame"></iframe>
<img src="/outside/banner.png">
<video src="/outside/clip.mp4" autoplay muted></video>
<script>navigator.sendBeacon('/outside/beacon', 'x');</script>
<a href="/ads/1">in scope</a></body></html>`;

/** Requests left hanging by the never-ending routes, ended by the server's close. */
export function testSiteRoute(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://site.test');
  const send = (status: number, type: string, body: string | Buffer): void => {
    response.writeHead(status, { 'content-type': type }).end(body);
  };
  switch (url.pathname) {
    case '/spa':
      send(200, 'text/html; charset=utf-8', spaShell);
      return;
    case '/static/app.js':
      send(200, 'text/javascript', spaScript);
      return;
    case '/api/ads.json':
      send(200, 'application/json', JSON.stringify(spaAds));
      return;
    case '/scroll':
      send(200, 'text/html; charset=utf-8', scrollPage);
      return;
    case '/api/feed':
      send(200, 'application/json', JSON.stringify(feedPage(Number(url.searchParams.get('page') ?? '1'))));
      return;
    case '/frames':
      send(200, 'text/html; charset=utf-8', offScopePage);
      return;
    case '/redirect-in':
      response.writeHead(302, { location: '/ads/7' }).end();
      return;
    case '/redirect-out':
      response.writeHead(302, { location: '/outside/landing' }).end();
      return;
    case '/never-finishes':
      // Headers and the start of the document, then nothing more: the page never finishes loading.
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.write('<!doctype html><html><head><title>Partial</title></head><body><h1>Partial page</h1><a href="/ads/9">nine</a>');
      return;
    case '/slow':
      setTimeout(() => send(200, 'text/html; charset=utf-8', '<!doctype html><title>Slow</title><p>slow page <a href="/ads/2">two</a></p>'), 1500);
      return;
    default:
      if (url.pathname.endsWith('.png')) return send(200, 'image/png', onePixelPng);
      if (url.pathname.startsWith('/ads/') || url.pathname.startsWith('/page/') || url.pathname.startsWith('/outside/')) {
        return send(200, 'text/html; charset=utf-8', `<!doctype html><title>${url.pathname}</title><p>Page ${url.pathname}</p><a href="/">home</a>`);
      }
      send(404, 'text/plain', 'not found');
      return;
  }
}
