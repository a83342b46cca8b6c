import { sha256 } from '@noble/hashes/sha2.js';
import { base58, bech32, bech32m } from '@scure/base';

/**
 * Bitcoin mainnet addresses with their checksums verified: base58check P2PKH ("1...") and P2SH
 * ("3..."), and native segwit (BIP-173 bech32 for witness v0, BIP-350 bech32m for v1 and later,
 * "bc1...").
 *
 * Testnet addresses ("m"/"n"/"2", "tb1") are refused: testnet coins have no value, so no ad can
 * take payment with one, and looking for them would put every long word starting with "m" or "n"
 * through the base58 pattern of every text.
 */
export type BitcoinEncoding = 'base58' | 'bech32' | 'bech32m';

export interface BitcoinAddress {
  /** As stored: base58 as written (its case is significant), bech32 lowercased. */
  value: string;
  encoding: BitcoinEncoding;
}

/** base58check version bytes of mainnet P2PKH and P2SH. */
const base58Versions: ReadonlySet<number> = new Set([0x00, 0x05]);
const base58Alphabet = /^[1-9A-HJ-NP-Za-km-z]+$/;

/** The address `candidate` is, or null when it is not a valid Bitcoin address. */
export function parseBitcoinAddress(candidate: string): BitcoinAddress | null {
  if (candidate.slice(0, 3).toLowerCase() === 'bc1') return parseSegwitAddress(candidate);
  return parseBase58Address(candidate);
}

/** Version byte + 20-byte hash + 4-byte checksum = 25 bytes, 26 to 35 characters. */
function parseBase58Address(candidate: string): BitcoinAddress | null {
  if (candidate.length < 26 || candidate.length > 35 || !base58Alphabet.test(candidate)) return null;
  const bytes = base58.decode(candidate);
  if (bytes.length !== 25) return null;
  if (!base58Versions.has(bytes[0]!)) return null;
  const checksum = sha256(sha256(bytes.subarray(0, 21)));
  for (let i = 0; i < 4; i++) if (checksum[i] !== bytes[21 + i]) return null;
  return { value: candidate, encoding: 'base58' };
}

/**
 * BIP-173/BIP-350: witness version 0 must use bech32 and carry a 20- or 32-byte program; versions
 * 1-16 must use bech32m and carry 2 to 40 bytes. The decoders reject mixed case, bad padding and
 * strings over 90 characters.
 */
function parseSegwitAddress(candidate: string): BitcoinAddress | null {
  const asBech32 = bech32.decodeUnsafe(candidate);
  const asBech32m = asBech32 ? undefined : bech32m.decodeUnsafe(candidate);
  const decoded = asBech32 ?? asBech32m;
  if (!decoded) return null;
  const version = decoded.words[0];
  if (decoded.prefix !== 'bc' || version === undefined || version > 16) return null;
  const encoding: BitcoinEncoding = asBech32 ? 'bech32' : 'bech32m';
  if ((version === 0) !== (encoding === 'bech32')) return null;
  const program = bech32.fromWordsUnsafe(decoded.words.slice(1));
  if (!program || program.length < 2 || program.length > 40) return null;
  if (version === 0 && program.length !== 20 && program.length !== 32) return null;
  return { value: candidate.toLowerCase(), encoding };
}
