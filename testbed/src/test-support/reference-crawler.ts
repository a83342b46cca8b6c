import { hrefsOf } from './page-contacts.js';
import { ProxyClient } from './proxy-client.js';

/**
 * The smallest crawler that does it right, to check the testbed's own page count: breadth first
 * through the proxy, robots.txt honoured, URLs canonicalised (fragment, session and utm parameters
 * dropped, query sorted), redirects not followed, bodies cut at 1 MB. What a real crawler should
 * fetch is what this fetches.
 */
export interface ReferenceCrawl {
  /** Canonical URL → status of every URL requested (robots.txt aside). */
  fetched: Map<string, number>;
  /** Canonical in-scope URLs seen in links but disallowed by robots.txt. */
  blocked: Set<string>;
}

export function canonicalUrl(href: string, base: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:') return undefined;
  url.hash = '';
  const kept = [...url.searchParams.entries()].filter(([name]) => name !== 'sessionid' && !name.startsWith('utm_'));
  kept.sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  url.search = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : '';
  return url.toString();
}

export async function referenceCrawl(proxyUrl: string, seeds: string[], options: { concurrency?: number } = {}): Promise<ReferenceCrawl> {
  const client = new ProxyClient(proxyUrl, { sockets: options.concurrency ?? 8 });
  const hosts = new Set(seeds.map((seed) => new URL(seed).host));
  const disallowed = new Map<string, string[]>();
  for (const host of hosts) disallowed.set(host, parseDisallow((await client.text(`http://${host}/robots.txt`)).body));

  const fetched = new Map<string, number>();
  const blocked = new Set<string>();
  const seen = new Set<string>();
  const queue: string[] = [];
  const enqueue = (url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    const parsed = new URL(url);
    if (!hosts.has(parsed.host)) return;
    if ((disallowed.get(parsed.host) ?? []).some((prefix) => parsed.pathname.startsWith(prefix))) blocked.add(url);
    else queue.push(url);
  };
  for (const seed of seeds) enqueue(canonicalUrl(seed, seed)!);

  const worker = async () => {
    while (queue.length > 0) {
      const url = queue.shift()!;
      const page = await client.get(url, { maxBytes: 1024 * 1024 });
      fetched.set(url, page.status);
      const type = String(page.headers['content-type'] ?? '');
      if (page.status !== 200 || !type.startsWith('text/html')) continue;
      for (const href of hrefsOf(page.body.toString('utf8'))) {
        const next = canonicalUrl(href, url);
        if (next !== undefined) enqueue(next);
      }
    }
  };
  // Workers stop when the queue is momentarily empty; rerun until nothing is left.
  while (queue.length > 0) await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  client.close();
  return { fetched, blocked };
}

function parseDisallow(robots: string): string[] {
  const rules: string[] = [];
  let applies = false;
  for (const line of robots.split('\n')) {
    const [field, ...rest] = line.split(':');
    const value = rest.join(':').trim();
    if (field?.trim().toLowerCase() === 'user-agent') applies = value === '*';
    else if (applies && field?.trim().toLowerCase() === 'disallow' && value) rules.push(value);
  }
  return rules;
}
