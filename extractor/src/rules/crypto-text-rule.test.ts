import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eip55Addresses, moneroAddresses, testnetBitcoinAddresses, validBase58BitcoinAddresses, validSegwitAddresses } from '../crypto/address-test-vectors-data.js';
import { extractIndicators } from '../extract-indicators.js';
import { cryptoTextRule, findCryptoAddresses } from './crypto-text-rule.js';

const genesis = validBase58BitcoinAddresses[0]!;
const taproot = validSegwitAddresses[validSegwitAddresses.length - 1]!;
const eip55 = eip55Addresses[4]!;
const monero = moneroAddresses[0]!.address;
const subaddress = moneroAddresses[3]!.address;

function found(text: string): Array<{ chain: string; value: string; raw: string; start: number }> {
  return findCryptoAddresses(text).map((s) => ({ chain: s.chain, value: s.value, raw: text.slice(s.start, s.end), start: s.start }));
}

describe('findCryptoAddresses', () => {
  it('finds each chain in running text with its value and span', () => {
    const text = `Tips welcome. BTC: ${genesis}, taproot ${taproot.toUpperCase()}\nETH ${eip55} XMR (${monero}) sub:${subaddress}.`;
    assert.deepEqual(found(text), [
      { chain: 'bitcoin', value: genesis, raw: genesis, start: text.indexOf(genesis) },
      { chain: 'bitcoin', value: taproot, raw: taproot.toUpperCase(), start: text.indexOf(taproot.toUpperCase()) },
      { chain: 'ethereum', value: eip55.toLowerCase(), raw: eip55, start: text.indexOf(eip55) },
      { chain: 'monero', value: monero, raw: monero, start: text.indexOf(monero) },
      { chain: 'monero', value: subaddress, raw: subaddress, start: text.indexOf(subaddress) },
    ]);
  });

  it('names the rule by chain, encoding and network', () => {
    const text = `${genesis} ${validSegwitAddresses[0]} ${taproot} ${eip55} ${eip55Addresses[2]} ${moneroAddresses[2]!.address}`;
    assert.deepEqual(findCryptoAddresses(text).map((s) => s.rule), [
      'crypto:bitcoin-base58',
      'crypto:bitcoin-bech32',
      'crypto:bitcoin-bech32m',
      'crypto:ethereum-eip55',
      'crypto:ethereum',
      'crypto:monero-integrated',
    ]);
  });

  it('finds addresses in payment URIs and explorer links', () => {
    const text = `bitcoin:${genesis}?amount=0.01 https://explorer.example/address/${eip55}`;
    assert.deepEqual(found(text).map((f) => f.raw), [genesis, eip55]);
  });

  it('rejects one-character typos and wrong checksums', () => {
    const typo = (s: string, i: number, c: string): string => s.slice(0, i) + c + s.slice(i + 1);
    const text = [typo(genesis, 10, genesis[10] === 'x' ? 'y' : 'x'), typo(taproot, 20, taproot[20] === 'q' ? 'p' : 'q'), typo(eip55, 5, 'A'), typo(monero, 40, monero[40] === 'x' ? 'y' : 'x')].join(' ');
    assert.deepEqual(found(text), []);
  });

  it('does not take 40 hex digits out of a longer hex run or a 64-hex hash', () => {
    const hash = `0x${'5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'}${'0123456789abcdef01234567'}`;
    assert.deepEqual(found(`tx ${hash} done`), []);
    assert.deepEqual(found(`sha ${eip55.slice(2)}ff`), []);
    assert.deepEqual(found(`id 00x${eip55Addresses[2]!.slice(2)}`), []);
    assert.deepEqual(found(`${eip55}0`), []);
  });

  it('does not read base58-looking words and ids as addresses', () => {
    const text = 'Supercalifragilisticexpialidocious 1234567891234567891234567891 3GoodReasonsToVisitMeTonightHoney nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn';
    assert.deepEqual(found(text), []);
  });

  it('leaves testnet addresses out', () => {
    assert.deepEqual(found(testnetBitcoinAddresses.join(' ')), []);
  });

  it('does not take an address glued to other letters or digits', () => {
    assert.deepEqual(found(`x${genesis}`), []);
    assert.deepEqual(found(`${genesis}x`), []);
    assert.deepEqual(found(`${monero}9`), []);
  });

  it('stays linear on long runs of address characters', () => {
    assert.deepEqual(found('1'.repeat(200_000)), []);
    assert.deepEqual(found('0x'.repeat(100_000)), []);
    assert.deepEqual(found(`${'bc1q'.repeat(50_000)}`), []);
  });

  it('reports type crypto and the chain on its matches', () => {
    assert.deepEqual(cryptoTextRule.find({ text: `pay ${genesis}`, defaultCountry: null }), [
      { type: 'crypto', chain: 'bitcoin', value: genesis, start: 4, end: 4 + genesis.length, rules: ['crypto:bitcoin-base58'] },
    ]);
  });
});

describe('crypto addresses through extractIndicators', () => {
  it('keeps raw offsets into the page text', () => {
    const text = `Donations — ${monero}\nor ${eip55}`;
    const indicators = extractIndicators(text, { captureId: 'c1', source: 'text' }).filter((i) => i.type === 'crypto');
    assert.deepEqual(
      indicators.map((i) => [i.value, i.provenance[0]!.start, i.provenance[0]!.raw, i.provenance[0]!.obfuscated]),
      [
        [monero, text.indexOf(monero), monero, false],
        [eip55.toLowerCase(), text.indexOf(eip55), eip55, false],
      ],
    );
  });
});
