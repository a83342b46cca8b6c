import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eip55Addresses } from './address-test-vectors-data.js';
import { parseEthereumAddress } from './ethereum-address.js';

describe('parseEthereumAddress', () => {
  it("accepts EIP-55's examples and stores them lowercased", () => {
    for (const address of eip55Addresses) {
      const parsed = parseEthereumAddress(address);
      assert.ok(parsed, address);
      assert.equal(parsed.value, address.toLowerCase());
      const hex = address.slice(2);
      assert.equal(parsed.checksummed, hex !== hex.toLowerCase() && hex !== hex.toUpperCase(), address);
    }
  });

  it('rejects a mixed-case address whose case of one letter is flipped', () => {
    for (const address of eip55Addresses.slice(4)) {
      for (let i = 2; i < address.length; i++) {
        const char = address[i]!;
        if (!/[a-f]/i.test(char)) continue;
        const flipped = char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase();
        assert.equal(parseEthereumAddress(address.slice(0, i) + flipped + address.slice(i + 1)), null, `${address} flipped at ${i}`);
      }
    }
  });

  it('rejects other lengths and non-hex characters', () => {
    assert.equal(parseEthereumAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe'), null);
    assert.equal(parseEthereumAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd'), null);
    assert.equal(parseEthereumAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg'), null);
    assert.equal(parseEthereumAddress('5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'), null);
  });
});
