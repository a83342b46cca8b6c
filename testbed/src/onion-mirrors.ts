import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { sha3_256 } from '@noble/hashes/sha3.js';
import { base32nopad } from '@scure/base';
import { classifiedsHost } from './site-hosts.js';

/** A testbed site served again under an onion address, reachable only through the SOCKS proxy. */
export interface OnionMirror {
  /** 56 base32 characters + `.onion`: the v3 address of an ed25519 key made from the seed (onionServiceKeyOf gives the key). */
  onionHost: string;
  /** The clear-web site whose pages it serves (links are relative, so a crawl stays on the onion host). */
  clearHost: string;
  seedUrl: string;
}

/** Sites that have an onion mirror: the server-rendered classifieds site. */
export const mirroredHosts: readonly string[] = [classifiedsHost];

/** The 32-byte ed25519 seed of a mirror's onion service key, fixed by the testbed seed and the clear host. */
function keySeedOf(seed: number, clearHost: string): Buffer {
  return createHash('sha256').update(`indicia-testbed-onion:${seed}:${clearHost}`).digest();
}

/** DER header of a PKCS#8 Ed25519 private key (RFC 8410), followed by the 32-byte seed. */
const ed25519Pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

function publicKeyOf(keySeed: Buffer): Buffer {
  const privateKey = createPrivateKey({ key: Buffer.concat([ed25519Pkcs8Prefix, keySeed]), format: 'der', type: 'pkcs8' });
  // The SPKI encoding ends with the 32-byte public key.
  return createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(-32);
}

/**
 * The v3 onion address of a mirror (rend-spec-v3 §6): base32(pubkey | checksum | 0x03) with
 * checksum = SHA3-256(".onion checksum" | pubkey | 0x03)[0..2]. The pubkey is a real ed25519 key
 * made from the seed, so a real Tor can publish the mirror under this very name
 * (onionServiceKeyOf) and tests need no name rewriting.
 */
export function onionHostOf(seed: number, clearHost: string): string {
  const pubkey = publicKeyOf(keySeedOf(seed, clearHost));
  const versionByte = Buffer.from([0x03]);
  const checksum = sha3_256(Buffer.concat([Buffer.from('.onion checksum'), pubkey, versionByte])).subarray(0, 2);
  return `${base32nopad.encode(Buffer.concat([pubkey, checksum, versionByte])).toLowerCase()}.onion`;
}

/**
 * The mirror's onion service key as Tor's control port takes it (`ADD_ONION ED25519-V3:<this>`):
 * the 64-byte expanded secret key, SHA-512 of the seed with its scalar half clamped (RFC 8032
 * §5.1.5), in base64. A test key for the private test network, made from a public seed: it must
 * never publish anything on the real Tor network.
 */
export function onionServiceKeyOf(seed: number, clearHost: string): string {
  const expanded = createHash('sha512').update(keySeedOf(seed, clearHost)).digest();
  expanded[0]! &= 248;
  expanded[31]! &= 127;
  expanded[31]! |= 64;
  return expanded.toString('base64');
}

export function onionMirrorList(seed: number): OnionMirror[] {
  return mirroredHosts.map((clearHost) => {
    const onionHost = onionHostOf(seed, clearHost);
    return { onionHost, clearHost, seedUrl: `http://${onionHost}/` };
  });
}

/** onion host → the clear host it mirrors. */
export class OnionMirrors {
  readonly list: OnionMirror[];
  private readonly byOnion: Map<string, string>;

  constructor(seed: number) {
    this.list = onionMirrorList(seed);
    this.byOnion = new Map(this.list.map((mirror) => [mirror.onionHost, mirror.clearHost]));
  }

  clearHostOf(onionHost: string): string | undefined {
    return this.byOnion.get(onionHost);
  }
}
