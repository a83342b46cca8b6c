import { keccak_256 } from '@noble/hashes/sha3.js';

export interface EthereumAddress {
  /**
   * Lowercased: the address is 20 bytes and its identity is case-insensitive; the mixed case of
   * EIP-55 is only a checksum over the same bytes.
   */
  value: string;
  /** Whether the EIP-55 mixed-case checksum was present (and so verified). */
  checksummed: boolean;
}

const addressShape = /^0x[0-9a-fA-F]{40}$/;

/**
 * "0x" + 40 hex digits. Mixed case must satisfy EIP-55 (a letter is upper case exactly where the
 * keccak-256 of the lowercase hex has a nibble >= 8); all-lower and all-upper addresses carry no
 * checksum and are accepted as EIP-55 allows.
 */
export function parseEthereumAddress(candidate: string): EthereumAddress | null {
  if (!addressShape.test(candidate)) return null;
  const hex = candidate.slice(2);
  const lower = hex.toLowerCase();
  if (hex === lower || hex === hex.toUpperCase()) return { value: `0x${lower}`, checksummed: false };
  const hash = keccak_256(new TextEncoder().encode(lower));
  for (let i = 0; i < 40; i++) {
    const char = hex[i]!;
    if (char >= '0' && char <= '9') continue;
    const nibble = i % 2 === 0 ? hash[i >> 1]! >> 4 : hash[i >> 1]! & 0x0f;
    const isUpper = char >= 'A' && char <= 'F';
    if (isUpper !== nibble >= 8) return null;
  }
  return { value: `0x${lower}`, checksummed: true };
}
