import { keccak_256 } from '@noble/hashes/sha3.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { base58xmr, bech32, bech32m, createBase58check } from '@scure/base';
import type { SeededRandom } from '../random.js';

/**
 * Valid cryptocurrency addresses made from seeded random bytes: real checksums and encodings, so
 * an extractor that verifies them accepts them, and the corpus holds many distinct addresses.
 * Nobody holds the keys: the "public keys" are random bytes, not points on a curve.
 */
export const cryptoStyles = [
  'crypto:bitcoin-base58',
  'crypto:bitcoin-bech32',
  'crypto:bitcoin-bech32m',
  'crypto:ethereum',
  'crypto:ethereum-eip55',
  'crypto:monero',
] as const;
export type CryptoStyle = (typeof cryptoStyles)[number];

export interface CorpusCryptoAddress {
  chain: 'bitcoin' | 'ethereum' | 'monero';
  /** As written. */
  written: string;
  /** Normalised: bech32 lowercased, ethereum lowercased, base58 forms as written. */
  value: string;
}

const base58check = createBase58check(sha256);

function randomBytes(random: SeededRandom, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = random.int(0, 255);
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** P2PKH (version 0x00, "1...") or P2SH (0x05, "3..."). */
function bitcoinBase58(random: SeededRandom): string {
  return base58check.encode(concat(Uint8Array.of(random.chance(0.6) ? 0x00 : 0x05), randomBytes(random, 20)));
}

/** Segwit v0 (BIP-173): a 20-byte key hash (P2WPKH) or a 32-byte script hash (P2WSH). */
function bitcoinBech32(random: SeededRandom): string {
  const program = randomBytes(random, random.chance(0.75) ? 20 : 32);
  return bech32.encode('bc', [0, ...bech32.toWords(program)]);
}

/** Taproot, segwit v1 (BIP-350): a 32-byte program. */
function bitcoinBech32m(random: SeededRandom): string {
  return bech32m.encode('bc', [1, ...bech32m.toWords(randomBytes(random, 32))]);
}

/** EIP-55: a hex letter is upper case when the matching nibble of keccak256(lowercase hex) is >= 8. */
export function eip55(lowerHex: string): string {
  const hash = bytesToHex(keccak_256(new TextEncoder().encode(lowerHex)));
  let out = '';
  for (let i = 0; i < lowerHex.length; i++) out += parseInt(hash[i]!, 16) >= 8 ? lowerHex[i]!.toUpperCase() : lowerHex[i]!;
  return out;
}

/** Network byte 0x12 standard ("4..."), 0x2a subaddress ("8..."), 0x13 integrated (106 chars). */
function monero(random: SeededRandom): string {
  const roll = random.next();
  const [network, extra] = roll < 0.6 ? [0x12, 0] : roll < 0.85 ? [0x2a, 0] : [0x13, 8];
  const body = concat(Uint8Array.of(network), randomBytes(random, 64 + extra));
  return base58xmr.encode(concat(body, keccak_256(body).slice(0, 4)));
}

export function corpusCryptoAddress(random: SeededRandom, style: CryptoStyle): CorpusCryptoAddress {
  switch (style) {
    case 'crypto:bitcoin-base58': {
      const address = bitcoinBase58(random);
      return { chain: 'bitcoin', written: address, value: address };
    }
    case 'crypto:bitcoin-bech32':
    case 'crypto:bitcoin-bech32m': {
      const address = style === 'crypto:bitcoin-bech32' ? bitcoinBech32(random) : bitcoinBech32m(random);
      // Bech32 may be written all upper case (QR codes do); identity is the lower-case form.
      return { chain: 'bitcoin', written: random.chance(0.1) ? address.toUpperCase() : address, value: address };
    }
    case 'crypto:ethereum':
    case 'crypto:ethereum-eip55': {
      const hex = bytesToHex(randomBytes(random, 20));
      return { chain: 'ethereum', written: `0x${style === 'crypto:ethereum' ? hex : eip55(hex)}`, value: `0x${hex}` };
    }
    case 'crypto:monero': {
      const address = monero(random);
      return { chain: 'monero', written: address, value: address };
    }
  }
}

/** The ticker ads write before an address of the chain ("BTC: bc1q..."). */
export const cryptoTicker: Record<CorpusCryptoAddress['chain'], string> = { bitcoin: 'BTC', ethereum: 'ETH', monero: 'XMR' };

const cryptoLabels: Record<CorpusCryptoAddress['chain'], readonly string[]> = {
  bitcoin: ['BTC: ', 'Bitcoin: ', 'BTC address ', 'Pay in BTC to '],
  ethereum: ['ETH: ', 'Ethereum: ', 'USDT (ERC20): ', 'ETH wallet '],
  monero: ['XMR: ', 'Monero: ', 'XMR wallet '],
};

export function cryptoLabel(chain: CorpusCryptoAddress['chain'], random: SeededRandom): string {
  return random.pick(cryptoLabels[chain]);
}
