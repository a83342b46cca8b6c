import { createServer, type Server } from 'node:http';
import { serveSite, writePlain, type ServeDependencies } from './serve-site.js';

/**
 * The same sites answered directly by Host header, as their own web server would. Every request
 * here is a direct connection: tests assert there are none when a crawler is told to use the proxy.
 */
export function createOriginServer(deps: ServeDependencies): Server {
  return createServer({ keepAliveTimeout: 30_000 }, (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const target = originFormOf(request.url ?? '/');
    if (!deps.hosts.has(host)) {
      deps.log.record({ host, path: target, method: request.method ?? 'GET', via: 'origin', status: 404, at: Date.now() });
      writePlain(response, 404, `no site named "${host}" on this server\n`);
      return;
    }
    serveSite(deps, request, response, { host, target, via: 'origin' });
  });
}

/** A client may send absolute-form to a server too; the site only needs the path and query. */
function originFormOf(url: string): string {
  if (url.startsWith('/')) return url;
  const path = /^[a-z]+:\/\/[^/?#]*([/?#].*)?$/i.exec(url)?.[1] ?? '/';
  return path.startsWith('/') ? path : `/${path}`;
}
