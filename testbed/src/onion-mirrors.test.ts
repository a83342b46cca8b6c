import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { sha3_256 } from '@noble/hashes/sha3.js';
import { base32nopad } from '@scure/base';
import { onionHostOf, onionServiceKeyOf } from './onion-mirrors.js';
import { classifiedsHost } from './site-hosts.js';

describe('onion mirror names and keys', () => {
  it('a mirror is named by the v3 address of its key: version 3, a valid checksum, fixed by the seed', () => {
    const host = onionHostOf(9, classifiedsHost);
    assert.match(host, /^[a-z2-7]{56}\.onion$/);
    const bytes = base32nopad.decode(host.slice(0, 56).toUpperCase());
    const [pubkey, checksum, version] = [bytes.subarray(0, 32), bytes.subarray(32, 34), bytes.subarray(34)];
    assert.deepEqual([...version], [3]);
    assert.deepEqual(Buffer.from(checksum), Buffer.from(sha3_256(Buffer.concat([Buffer.from('.onion checksum'), pubkey, Buffer.from([3])])).subarray(0, 2)));
    assert.equal(onionHostOf(9, classifiedsHost), host, 'the same seed, the same name');
    assert.notEqual(onionHostOf(10, classifiedsHost), host, 'another seed, another name');
  });

  it("the service key is Tor's 64-byte expanded ed25519 secret, its scalar clamped (the private Tor network checks it gives the mirror's name)", () => {
    const key = Buffer.from(onionServiceKeyOf(9, classifiedsHost), 'base64');
    assert.equal(key.length, 64);
    assert.equal(key[0]! & 7, 0);
    assert.equal(key[31]! & 0xc0, 0x40);
    assert.notDeepEqual(key, Buffer.from(onionServiceKeyOf(10, classifiedsHost), 'base64'));
  });
});
