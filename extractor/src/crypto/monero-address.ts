import { keccak_256 } from '@noble/hashes/sha3.js';
import { base58xmr } from '@scure/base';

export type MoneroAddressKind = 'standard' | 'integrated' | 'subaddress';

export interface MoneroAddress {
  /** As written: base58 is case-sensitive. */
  value: string;
  kind: MoneroAddressKind;
}

/**
 * Mainnet network bytes and the decoded length that goes with each: network byte + public spend
 * key (32) + public view key (32) [+ payment id (8) for integrated addresses] + checksum (4).
 * Testnet and stagenet addresses are not accepted: they start with other characters and hold no value.
 */
const mainnetKinds: ReadonlyMap<number, { kind: MoneroAddressKind; bytes: number }> = new Map([
  [18, { kind: 'standard', bytes: 69 }],
  [19, { kind: 'integrated', bytes: 77 }],
  [42, { kind: 'subaddress', bytes: 69 }],
]);
const base58Alphabet = /^[1-9A-HJ-NP-Za-km-z]+$/;

/**
 * A Monero address ("4..." standard and integrated, "8..." subaddress): Monero's block base58,
 * the network byte checked and the keccak-256 checksum (its first 4 bytes) verified.
 */
export function parseMoneroAddress(candidate: string): MoneroAddress | null {
  if ((candidate.length !== 95 && candidate.length !== 106) || !base58Alphabet.test(candidate)) return null;
  const bytes = decodeBlocks(candidate);
  if (!bytes) return null;
  const expected = mainnetKinds.get(bytes[0]!);
  if (!expected || expected.bytes !== bytes.length) return null;
  const body = bytes.length - 4;
  const checksum = keccak_256(bytes.subarray(0, body));
  for (let i = 0; i < 4; i++) if (checksum[i] !== bytes[body + i]) return null;
  return { value: candidate, kind: expected.kind };
}

/** The bytes, or null where a block overflows its size (the decoder throws on that alone). */
function decodeBlocks(candidate: string): Uint8Array | null {
  try {
    return base58xmr.decode(candidate);
  } catch (error) {
    if (error instanceof Error) return null;
    throw error;
  }
}
