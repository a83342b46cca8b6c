import type { GraphNode } from '../graph/graph-model.js';
import { indiciaStixId, stixScoId } from './stix-identifiers.js';

export type StixObject = Record<string, unknown> & { type: string; id: string };

/** Timestamps of objects whose content never changes between exports (Indicia's identity, its extension). */
const definitionTimestamp = '2025-01-01T00:00:00.000Z';

export const indiciaIdentityId = indiciaStixId('identity', 'indicia');

export const indiciaIdentity: StixObject = {
  type: 'identity', spec_version: '2.1', id: indiciaIdentityId, created: definitionTimestamp, modified: definitionTimestamp,
  name: 'Indicia', identity_class: 'system', description: 'Open-source crawling, indicator extraction and pivoting for anti-trafficking investigations',
};

/**
 * STIX 2.1 has no phone number or cryptocurrency wallet SCO. Both are new SCOs under one
 * extension definition (§7.3, the 2.1 way to add object types; the older "custom object" route is
 * deprecated). A user-account with account_type "phone" was the other option; it would claim a
 * phone number is an account somewhere, and consumers would then match it against real accounts.
 * ID-contributing properties: `value` for a phone number; `chain` and `address` for a wallet.
 */
export const indiciaExtensionId = indiciaStixId('extension-definition', 'indicia-observables', '1.0.0');

export const indiciaExtension: StixObject = {
  type: 'extension-definition', spec_version: '2.1', id: indiciaExtensionId, created: definitionTimestamp, modified: definitionTimestamp,
  created_by_ref: indiciaIdentityId, name: 'Indicia observables', version: '1.0.0', extension_types: ['new-sco'],
  description: 'Phone numbers and cryptocurrency wallets read from ads.',
  schema: 'x-indicia-phone-number: value (string, E.164; ID-contributing). x-indicia-cryptocurrency-wallet: chain (bitcoin|ethereum|monero) and address (string), both ID-contributing.',
};

const newSco = { [indiciaExtensionId]: { extension_type: 'new-sco' } };

/** The SCO for a graph node's value, or a reason it has none (ads and people are not observables). */
export function observableOf(node: GraphNode): StixObject | { reason: string } {
  switch (node.kind) {
    case 'phone':
      return sco('x-indicia-phone-number', { value: node.value }, { extensions: newSco });
    case 'crypto':
      return sco('x-indicia-cryptocurrency-wallet', { chain: node.chain ?? '', address: node.value }, { extensions: newSco });
    case 'email':
      return sco('email-addr', { value: node.value });
    case 'handle':
      // account_type is an open vocabulary ("twitter", "facebook"...): the platform fits it.
      return sco('user-account', { account_type: node.platform ?? '', account_login: node.value });
    case 'url':
      return sco('url', { value: node.value });
    case 'domain':
    case 'nameserver':
    case 'mail-server':
      return sco('domain-name', { value: node.value });
    case 'site':
      return /^[a-z0-9.-]+\.[a-z0-9-]+$/i.test(node.value) ? sco('domain-name', { value: node.value.toLowerCase() }) : { reason: 'site is not a host name' };
    case 'ip':
      return sco(node.value.includes(':') ? 'ipv6-addr' : 'ipv4-addr', { value: node.value });
    default:
      return { reason: `${node.kind} is not an observable` };
  }
}

/** The identity SDO for a registrar, registrant name or organisation. */
export function identityOf(node: GraphNode, timestamp: string): StixObject | null {
  if (node.kind !== 'registrar' && node.kind !== 'registrant-name' && node.kind !== 'registrant-org') return null;
  return {
    type: 'identity', spec_version: '2.1', id: indiciaStixId('identity', node.kind, node.value), created: timestamp, modified: timestamp,
    created_by_ref: indiciaIdentityId, name: node.label, identity_class: node.kind === 'registrant-name' ? 'individual' : 'organization',
  };
}

function sco(type: string, contributing: Record<string, string>, extra: Record<string, unknown> = {}): StixObject {
  const properties = Object.fromEntries(Object.entries(contributing).filter(([, value]) => value !== ''));
  return { type, spec_version: '2.1', id: stixScoId(type, contributing), ...properties, ...extra };
}
