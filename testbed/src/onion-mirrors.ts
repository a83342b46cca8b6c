import { createHash } from 'node:crypto';
import { sha3_256 } from '@noble/hashes/sha3.js';
import { base32nopad } from '@scure/base';
import { classifiedsHost } from './site-hosts.js';

/** A testbed site served again under an onion address, reachable only through the SOCKS proxy. */
export interface OnionMirror {
  /** 56 base32 characters + `.onion`, a well-formed v3 address (rend-spec-v3 §6), fixed by the seed. */
  onionHost: string;
  /** The clear-web site whose pages it serves (links are relative, so a crawl stays on the onion host). */
  clearHost: string;
  seedUrl: string;
}

/** Sites that have an onion mirror: the server-rendered classifieds site. */
export const mirroredHosts: readonly string[] = [classifiedsHost];

/**
 * The v3 onion address of a mirror: base32(pubkey | checksum | 0x03) with checksum =
 * SHA3-256(".onion checksum" | pubkey | 0x03)[0..2], the pubkey being a hash of the seed and the
 * clear host (not a real ed25519 key: nothing here signs descriptors, the format is what matters).
 */
export function onionHostOf(seed: number, clearHost: string): string {
  const pubkey = createHash('sha256').update(`indicia-testbed-onion:${seed}:${clearHost}`).digest();
  const versionByte = Buffer.from([0x03]);
  const checksum = sha3_256(Buffer.concat([Buffer.from('.onion checksum'), pubkey, versionByte])).subarray(0, 2);
  return `${base32nopad.encode(Buffer.concat([pubkey, checksum, versionByte])).toLowerCase()}.onion`;
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
