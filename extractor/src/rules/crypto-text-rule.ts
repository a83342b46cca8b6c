import type { CryptoChain } from '@indicia/core';
import { parseBitcoinAddress } from '../crypto/bitcoin-address.js';
import { parseEthereumAddress } from '../crypto/ethereum-address.js';
import { parseMoneroAddress } from '../crypto/monero-address.js';
import { isWordCharAt } from '../text-boundaries.js';
import type { RuleMatch, TextRule } from './extractor-rule.js';

/** A crypto match names its chain (identity is {chain, address}). */
export type CryptoRuleMatch = RuleMatch & { type: 'crypto'; chain: CryptoChain };

/**
 * Every shape an address can have, in one pass: segwit ("bc1", either case, never mixed),
 * "0x" + 40 hex, and base58 runs from a leading character that a Bitcoin ("1", "3") or Monero
 * ("4", "8") mainnet address starts with. Each alternative begins with a literal character, so the scan is cheap on text that
 * holds no address, and no quantifier is nested (no backtracking blow-up on long runs).
 */
const candidatePattern = /(?:bc1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{6,87}|0x[0-9a-fA-F]{40}|[1348][1-9A-HJ-NP-Za-km-z]{25,105}/g;

export interface CryptoAddressSpan {
  start: number;
  end: number;
  chain: CryptoChain;
  value: string;
  rule: string;
}

/**
 * Checksum-verified addresses standing alone in the text: a candidate glued to a letter or digit
 * is part of something longer (a 64-hex hash, a longer base58 token) and is skipped.
 */
export function findCryptoAddresses(text: string): CryptoAddressSpan[] {
  const spans: CryptoAddressSpan[] = [];
  // An exec loop, not matchAll: matchAll copies the pattern for every text.
  candidatePattern.lastIndex = 0;
  for (let m = candidatePattern.exec(text); m !== null; m = candidatePattern.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isWordCharAt(text, start - 1) || isWordCharAt(text, end)) continue;
    const span = parseCandidate(m[0]);
    if (span) spans.push({ start, end, ...span });
  }
  return spans;
}

function parseCandidate(candidate: string): Omit<CryptoAddressSpan, 'start' | 'end'> | null {
  const first = candidate[0]!;
  if (first === '0') {
    const address = parseEthereumAddress(candidate);
    return address ? { chain: 'ethereum', value: address.value, rule: address.checksummed ? 'crypto:ethereum-eip55' : 'crypto:ethereum' } : null;
  }
  if (first === '4' || first === '8') {
    const address = parseMoneroAddress(candidate);
    return address ? { chain: 'monero', value: address.value, rule: `crypto:monero-${address.kind}` } : null;
  }
  const address = parseBitcoinAddress(candidate);
  return address ? { chain: 'bitcoin', value: address.value, rule: `crypto:bitcoin-${address.encoding}` } : null;
}

export const cryptoTextRule: TextRule = {
  name: 'crypto:text',
  find({ text }): CryptoRuleMatch[] {
    return findCryptoAddresses(text).map((span) => ({ type: 'crypto', chain: span.chain, value: span.value, start: span.start, end: span.end, rules: [span.rule] }));
  },
};
