import type { GraphNode, NodeKind } from '../graph/graph-model.js';

/** The Maltego standard entity each node kind becomes (ads by their URL, sites as websites). */
export const maltegoEntityOfKind: Readonly<Record<NodeKind, string>> = {
  ad: 'maltego.URL',
  site: 'maltego.Website',
  phone: 'maltego.PhoneNumber',
  email: 'maltego.EmailAddress',
  handle: 'maltego.Alias',
  crypto: 'maltego.CryptocurrencyAddress',
  url: 'maltego.URL',
  domain: 'maltego.Domain',
  'registrant-name': 'maltego.Person',
  'registrant-org': 'maltego.Organization',
  registrar: 'maltego.Organization',
  nameserver: 'maltego.NSRecord',
  ip: 'maltego.IPv4Address',
  'mail-server': 'maltego.MXRecord',
};

/**
 * The property that holds each standard entity's value (its "main" property in Maltego's entity
 * definitions) and the name Maltego shows for it.
 */
export const maltegoValueProperty: Readonly<Record<string, { readonly name: string; readonly displayName: string }>> = {
  'maltego.PhoneNumber': { name: 'phonenumber', displayName: 'Phone Number' },
  'maltego.EmailAddress': { name: 'email', displayName: 'Email Address' },
  'maltego.Domain': { name: 'fqdn', displayName: 'Domain Name' },
  'maltego.Person': { name: 'person.fullname', displayName: 'Full Name' },
  'maltego.Organization': { name: 'title', displayName: 'Name' },
  'maltego.IPv4Address': { name: 'ipv4-address', displayName: 'IP Address' },
  'maltego.IPv6Address': { name: 'ipv6-address', displayName: 'IPv6 Address' },
  'maltego.NSRecord': { name: 'fqdn', displayName: 'NS Record' },
  'maltego.MXRecord': { name: 'fqdn', displayName: 'MX Record' },
  'maltego.Alias': { name: 'alias', displayName: 'Alias' },
  'maltego.URL': { name: 'url', displayName: 'URL' },
  'maltego.Website': { name: 'fqdn', displayName: 'Website' },
  'maltego.CryptocurrencyAddress': { name: 'cryptocurrency.address', displayName: 'Address' },
};

export function maltegoEntityTypeOf(node: GraphNode): string {
  return node.kind === 'ip' && node.value.includes(':') ? 'maltego.IPv6Address' : maltegoEntityOfKind[node.kind];
}

/** What the entity shows: an ad's URL; a handle with its platform; names as written; else the value. */
export function maltegoValueOf(node: GraphNode): string {
  switch (node.kind) {
    case 'ad':
      return node.ad?.url ?? node.value;
    case 'handle':
    case 'registrant-name':
    case 'registrant-org':
    case 'registrar':
      return node.label;
    default:
      return node.value;
  }
}
