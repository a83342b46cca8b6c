import { asciiDomain } from './email-normalization.js';

/** A web address split the way it was written; `rest` is the path, query and fragment as written. */
export interface WebUrlParts {
  scheme: 'http' | 'https';
  host: string;
  /** Digits after ":", or null when no port was written. */
  port: string | null;
  rest: string;
}

export interface CanonicalWebUrl {
  url: string;
  /** Lowercased, IDN labels in punycode; an IPv4 literal as written. */
  host: string;
}

const defaultPorts = { http: 80, https: 443 } as const;
const ipv4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;

/**
 * The URL as it is stored and searched: scheme and host lowercased, the host in punycode, a default
 * port dropped, the fragment dropped (it never reaches the server), an empty path made "/". The path
 * and query stay as written: percent-encoding and case there can matter to the server, and the
 * raw span keeps what the page said anyway. Null when the host cannot be a host name.
 */
export function canonicalWebUrl(parts: WebUrlParts): CanonicalWebUrl | null {
  const host = ipv4.test(parts.host) ? parts.host : asciiDomain(parts.host);
  if (!host) return null;
  let port = '';
  if (parts.port !== null) {
    const number = Number(parts.port);
    if (!/^\d{1,5}$/.test(parts.port) || number > 65535) return null;
    if (number !== defaultPorts[parts.scheme]) port = `:${number}`;
  }
  const hash = parts.rest.indexOf('#');
  const pathAndQuery = hash === -1 ? parts.rest : parts.rest.slice(0, hash);
  const path = pathAndQuery.startsWith('/') ? pathAndQuery : `/${pathAndQuery}`;
  return { url: `${parts.scheme}://${host}${port}${path}`, host };
}

const absoluteWebUrl = /^(https?):\/\/([^/?#]*)(.*)$/is;

/**
 * An absolute http(s) URL as written in an href: its canonical form, or null for other schemes,
 * relative links and broken hosts. User info ("user:pw@") is dropped: it is not part of where the
 * link goes, and "https://trusted.example@other.example" is the other host.
 */
export function parseAbsoluteWebUrl(href: string): CanonicalWebUrl | null {
  const m = absoluteWebUrl.exec(href);
  if (!m) return null;
  const authority = m[2]!.slice(m[2]!.lastIndexOf('@') + 1);
  const hostPort = /^([^:]+)(?::(\d*))?$/.exec(authority);
  if (!hostPort) return null;
  const port = hostPort[2] ? hostPort[2] : null;
  return canonicalWebUrl({ scheme: m[1]!.toLowerCase() as 'http' | 'https', host: hostPort[1]!, port, rest: m[3]! });
}
