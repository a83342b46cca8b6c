import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { base58Typo, invalidSegwitAddresses, testnetBitcoinAddresses, validBase58BitcoinAddresses, validSegwitAddresses } from './address-test-vectors-data.js';
import { parseBitcoinAddress } from './bitcoin-address.js';

describe('parseBitcoinAddress', () => {
  it('accepts every BIP-350 valid mainnet segwit address, lowercased, with its encoding', () => {
    for (const address of validSegwitAddresses) {
      // Witness v0 ("q" after the separator) is bech32; every later version is bech32m.
      const encoding = address[3]!.toLowerCase() === 'q' ? 'bech32' : 'bech32m';
      assert.deepEqual(parseBitcoinAddress(address), { value: address.toLowerCase(), encoding }, address);
    }
  });

  it('rejects every BIP-173/BIP-350 invalid segwit address', () => {
    for (const { address, reason } of invalidSegwitAddresses) assert.equal(parseBitcoinAddress(address), null, `${address}: ${reason}`);
  });

  it('accepts base58check P2PKH and P2SH as written', () => {
    for (const address of validBase58BitcoinAddresses) assert.deepEqual(parseBitcoinAddress(address), { value: address, encoding: 'base58' });
    // All-zero hash: well-formed, the shortest P2PKH there is.
    assert.deepEqual(parseBitcoinAddress('1111111111111111111114oLvT2'), { value: '1111111111111111111114oLvT2', encoding: 'base58' });
  });

  it('refuses well-formed testnet addresses', () => {
    for (const address of testnetBitcoinAddresses) assert.equal(parseBitcoinAddress(address), null, address);
  });

  it('rejects a one-character typo anywhere in a base58 address', () => {
    const genesis = validBase58BitcoinAddresses[0]!;
    for (let i = 1; i < genesis.length; i++) assert.equal(parseBitcoinAddress(base58Typo(genesis, i)), null, `typo at ${i}`);
  });

  it('rejects a one-character typo in a bech32 address', () => {
    const address = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4';
    for (let i = 4; i < address.length; i++) {
      const swapped = address[i] === 'q' ? 'p' : 'q';
      assert.equal(parseBitcoinAddress(address.slice(0, i) + swapped + address.slice(i + 1)), null, `typo at ${i}`);
    }
  });

  it('rejects base58check strings whose version byte is not a Bitcoin address', () => {
    // A Litecoin P2PKH (version 0x30, "L..."): well-formed base58check, not Bitcoin.
    assert.equal(parseBitcoinAddress('LVg2kJoFNg45Nbpy53h7Fe1wKyeXVRhMH9'), null);
  });

  it('rejects the wrong lengths and alphabets', () => {
    assert.equal(parseBitcoinAddress('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa1'), null);
    assert.equal(parseBitcoinAddress('1A1zP1eP5QGefi2DMPTfTL5SLmv7Div0Na'), null);
    assert.equal(parseBitcoinAddress('1111111111111111111111111'), null, 'too short for a 25-byte payload');
    assert.equal(parseBitcoinAddress(''), null);
  });
});
