import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { base58xmr } from '@scure/base';
import { base58Typo, moneroAddresses } from './address-test-vectors-data.js';
import { parseMoneroAddress } from './monero-address.js';

describe('parseMoneroAddress', () => {
  it('accepts standard, integrated and subaddresses as written', () => {
    for (const { address, kind } of moneroAddresses) assert.deepEqual(parseMoneroAddress(address), { value: address, kind });
  });

  it('rejects a one-character typo at any position of the checksummed body', () => {
    const address = moneroAddresses[0]!.address;
    for (let i = 1; i < address.length; i += 7) assert.equal(parseMoneroAddress(base58Typo(address, i)), null, `typo at ${i}`);
  });

  it('rejects a testnet network byte even when the checksum over it is right', () => {
    const mainnet = base58xmr.decode(moneroAddresses[0]!.address);
    const body = Uint8Array.from(mainnet.subarray(0, 65));
    body[0] = 53; // testnet standard address
    const testnet = base58xmr.encode(Uint8Array.from([...body, ...keccak_256(body).subarray(0, 4)]));
    assert.equal(testnet[0], '9');
    assert.equal(parseMoneroAddress(testnet), null);
    body[0] = 18; // the same bytes on mainnet: the construction itself is sound
    assert.ok(parseMoneroAddress(base58xmr.encode(Uint8Array.from([...body, ...keccak_256(body).subarray(0, 4)]))));
  });

  it('rejects base58 runs of the right length that are not addresses', () => {
    assert.equal(parseMoneroAddress(`4${'z'.repeat(94)}`), null, 'a block overflows');
    assert.equal(parseMoneroAddress(`4${'1'.repeat(94)}`), null, 'network byte and checksum wrong');
  });

  it('rejects truncated and extended addresses', () => {
    const address = moneroAddresses[0]!.address;
    assert.equal(parseMoneroAddress(address.slice(0, 94)), null);
    assert.equal(parseMoneroAddress(`${address}1`), null);
  });
});
