import type { SeededRandom } from '../random.js';

/**
 * Web addresses an ad gives for its own site, on reserved TLDs only. A URL is two indicators: the
 * canonical URL and its registrable domain; a bare domain is a domain indicator alone.
 */
export const webAddressStyles = ['url', 'url:www', 'domain'] as const;
export type WebAddressStyle = (typeof webAddressStyles)[number];

export interface CorpusWebAddress {
  written: string;
  /** Canonical URL (scheme and host lowercased, host in punycode, fragment dropped); absent for a bare domain. */
  url?: string;
  /** Registrable domain, punycode. */
  domain: string;
}

const tails = ['vip', 'escorts', 'models', 'agency', 'club', 'girls', 'jobs', 'angels'] as const;
const tlds = ['example', 'test'] as const;
const paths = ['', '/', '/gallery', '/profile', '/contact.html', '/book?ref=ad', '/models/new', '/#rates'] as const;
const unicodeNames = ['café-rose', 'señoritas', 'müller-jobs', 'élite-models'] as const;

/** `tag` makes the domain unique to its owner (the testbed's operators never share a domain). */
export function corpusWebAddress(random: SeededRandom, name: string, style: WebAddressStyle, options: { tag?: string } = {}): CorpusWebAddress {
  const tag = options.tag ?? '';
  const label = random.chance(0.1) ? `${random.pick(unicodeNames)}${tag}` : `${name.toLowerCase()}${tag}${random.pick(['-', ''])}${random.pick(tails)}`;
  const registrable = `${label}.${random.pick(tlds)}`;
  const domain = new URL(`http://${registrable}/`).hostname;
  if (style === 'domain') {
    const written = random.chance(0.15) ? registrable.charAt(0).toUpperCase() + registrable.slice(1) : registrable;
    return { written, domain };
  }
  const path = random.pick(paths);
  if (style === 'url:www') {
    const written = `www.${registrable}${path}`;
    return { written, url: canonical(`http://${written}`), domain };
  }
  const host = random.chance(0.3) ? `${random.pick(['www', 'book', 'm'])}.${registrable}` : registrable;
  const scheme = random.chance(0.7) ? 'https' : 'http';
  const written = random.chance(0.1) ? `${scheme.toUpperCase()}://${host.toUpperCase()}${path}` : `${scheme}://${host}${path}`;
  return { written, url: canonical(written), domain };
}

function canonical(written: string): string {
  const url = new URL(written);
  url.hash = '';
  return url.href;
}
