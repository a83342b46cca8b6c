/**
 * Names no registry answers for (RFC 2606, RFC 6761, RFC 7686): looking them up would only send a
 * query to a public server (whois.iana.org, a resolver) for nothing. They are skipped unless the
 * configuration points their TLD at a server of its own (the testbed does).
 */
const reservedTlds = new Set(['test', 'example', 'invalid', 'localhost', 'local', 'onion', 'internal', 'home.arpa']);
const reservedDomains = new Set(['example.com', 'example.net', 'example.org']);

/** Why the domain is not looked up publicly, or null when it may be. */
export function reservedDomainReason(domain: string): string | null {
  const name = domain.toLowerCase().replace(/\.$/, '');
  if (reservedDomains.has(name)) return `${name} is reserved for documentation (RFC 2606)`;
  const labels = name.split('.');
  const tld = labels.at(-1)!;
  if (tld === 'onion') return 'onion names have no registry (RFC 7686)';
  if (reservedTlds.has(tld) || reservedTlds.has(labels.slice(-2).join('.'))) return `.${tld} is a reserved top-level domain (RFC 6761)`;
  return null;
}
