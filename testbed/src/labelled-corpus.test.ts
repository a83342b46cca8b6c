import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base58xmr, bech32, bech32m, createBase58check } from '@scure/base';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { labelledCorpus } from './index.js';
import { corpusLanguages } from './labelled-corpus-phrases-data.js';
import { eip55 } from './obfuscation/crypto-addresses.js';
import { distractorStyles } from './obfuscation/distractors.js';
import { emailStyles } from './obfuscation/email-obfuscation.js';
import { phoneObfuscationStyles } from './obfuscation/phone-obfuscation.js';
import { cryptoStyles } from './obfuscation/crypto-addresses.js';
import { webAddressStyles } from './obfuscation/web-addresses.js';
import { readingsOfWrittenDigits } from './test-support/written-digits.js';

const corpus = labelledCorpus({ seed: 11, size: 3_000 });

describe('labelledCorpus', () => {
  it('is a function of the seed', () => {
    assert.deepEqual(labelledCorpus({ seed: 11, size: 50 }), corpus.slice(0, 50));
    assert.notDeepEqual(labelledCorpus({ seed: 12, size: 50 }).map((item) => item.text), corpus.slice(0, 50).map((item) => item.text));
  });

  it('labels exact spans: the planted raw form is the slice of its source', () => {
    for (const item of corpus) {
      for (const indicator of item.expected) {
        const source = indicator.source === 'html' ? item.html : item.text;
        assert.ok(source !== undefined && indicator.raw.length > 0, `${item.id}: ${indicator.style} has no source`);
        assert.equal(source.slice(indicator.start, indicator.end), indicator.raw, `${item.id}: ${indicator.style}`);
      }
      for (const span of item.distractorSpans) assert.ok(span.end > span.start && span.end <= (span.source === 'html' ? item.html! : item.text).length, item.id);
    }
  });

  it('lists each indicator once', () => {
    for (const item of corpus) {
      const keys = item.expected.map((indicator) => `${indicator.type} ${indicator.platform ?? ''} ${indicator.value}`);
      assert.equal(new Set(keys).size, keys.length, item.id);
    }
  });

  it('covers every style, language, indicator type and distractor many times', () => {
    const count = (values: string[]) => values.reduce((map, value) => map.set(value, (map.get(value) ?? 0) + 1), new Map<string, number>());
    const styles = count(corpus.flatMap((item) => item.expected.map((indicator) => indicator.style)));
    const wanted = [
      'plain', 'plain:no-hint', 'international', 'split-html', 'whatsapp-link', 'handle:label', 'handle:link',
      ...phoneObfuscationStyles, ...emailStyles, ...cryptoStyles, ...webAddressStyles,
    ];
    // Ukrainian number words only appear in the Russian-language ads about Ukraine: fewer of them.
    for (const style of wanted) assert.ok((styles.get(style) ?? 0) >= (style === 'number-words:uk' ? 8 : 30), `${style}: ${styles.get(style) ?? 0}`);
    const languages = count(corpus.map((item) => item.language));
    for (const language of corpusLanguages) assert.ok((languages.get(language) ?? 0) >= 100, language);
    const types = count(corpus.flatMap((item) => item.expected.map((indicator) => indicator.type)));
    for (const type of ['phone', 'email', 'handle', 'crypto', 'url', 'domain']) assert.ok((types.get(type) ?? 0) >= 100, type);
    const platforms = new Set(corpus.flatMap((item) => item.expected.map((indicator) => indicator.platform).filter((platform) => platform !== undefined)));
    assert.equal(platforms.size, 13, [...platforms].join(' '));
    const distractors = count(corpus.flatMap((item) => item.distractors));
    for (const style of distractorStyles) assert.ok((distractors.get(style) ?? 0) >= 100, style);
    const countries = new Set(corpus.flatMap((item) => item.expected.filter((indicator) => indicator.type === 'phone').map((indicator) => parsePhoneNumberFromString(indicator.value)?.country)));
    for (const country of ['US', 'GB', 'AU', 'DE', 'ES', 'FR', 'IT', 'PL', 'RO', 'NL', 'PT', 'RU', 'UA']) assert.ok(countries.has(country as never), country);
    assert.ok(corpus.some((item) => item.country === undefined) && corpus.some((item) => item.country !== undefined));
  });

  it('uses phone numbers libphonenumber calls valid, or the UK drama mobile range', () => {
    for (const indicator of corpus.flatMap((item) => item.expected.filter((expected) => expected.type === 'phone'))) {
      const parsed = parsePhoneNumberFromString(indicator.value);
      assert.ok(parsed?.isValid() || indicator.value.startsWith('+447700900'), indicator.value);
      assert.equal(parsed?.number, indicator.value);
    }
  });

  it('writes every phone so that its digits can be read back', () => {
    for (const item of corpus) {
      for (const indicator of item.expected.filter((expected) => expected.type === 'phone' && expected.style !== 'whatsapp-link')) {
        const readings = readingsOfWrittenDigits(indicator.raw);
        const national = parsePhoneNumberFromString(indicator.value)!.nationalNumber;
        assert.ok(readings.some((digits) => digits.endsWith(national)), `${item.id} ${indicator.style}: ${JSON.stringify(indicator.raw)} reads ${readings[0]}, not …${national}`);
        if (indicator.style !== 'plain' && indicator.style !== 'international' && indicator.style !== 'split-html' && indicator.style !== 'plain:no-hint') {
          assert.notEqual(indicator.raw, national, `${item.id} ${indicator.style} is not disguised`);
        }
      }
    }
  });

  it('gives crypto addresses valid checksums', () => {
    const base58check = createBase58check(sha256);
    for (const indicator of corpus.flatMap((item) => item.expected.filter((expected) => expected.type === 'crypto'))) {
      if (indicator.style === 'crypto:bitcoin-base58') assert.ok([0, 5].includes(base58check.decode(indicator.raw)[0]!));
      if (indicator.style === 'crypto:bitcoin-bech32') assert.equal(bech32.decode(indicator.raw.toLowerCase() as `${string}1${string}`).words[0], 0);
      if (indicator.style === 'crypto:bitcoin-bech32m') assert.equal(bech32m.decode(indicator.raw.toLowerCase() as `${string}1${string}`).words[0], 1);
      if (indicator.style === 'crypto:ethereum-eip55') assert.equal(indicator.raw, `0x${eip55(indicator.value.slice(2))}`);
      if (indicator.style === 'crypto:ethereum-eip55') assert.notEqual(indicator.raw, indicator.value);
      if (indicator.style === 'crypto:monero') {
        const bytes = base58xmr.decode(indicator.raw);
        assert.deepEqual(keccak_256(bytes.slice(0, -4)).slice(0, 4), bytes.slice(-4));
      }
    }
    const addresses = corpus.flatMap((item) => item.expected.filter((expected) => expected.type === 'crypto').map((expected) => expected.value));
    assert.equal(new Set(addresses).size, addresses.length, 'addresses repeat');
  });

  it('puts contacts of HTML items in the HTML only, with digits split across elements', () => {
    const htmlItems = corpus.filter((item) => item.html !== undefined);
    assert.ok(htmlItems.length > 200);
    for (const item of htmlItems) assert.ok(item.expected.every((indicator) => indicator.source === 'html'), item.id);
    const split = htmlItems.flatMap((item) => item.expected.filter((indicator) => indicator.style === 'split-html'));
    assert.ok(split.every((indicator) => /<\/[a-z]+>/.test(indicator.raw)));
  });
});

describe('labelledCorpus texts', () => {
  it('gives ad-sized texts, the same for the same seed', () => {
    const items = labelledCorpus({ seed: 4, size: 2_000 });
    assert.equal(items.length, 2_000);
    const texts = items.map((item) => item.text);
    const mean = texts.reduce((sum, text) => sum + text.length, 0) / texts.length;
    assert.ok(mean > 400 && mean < 650, `mean length ${mean}`);
    assert.deepEqual(labelledCorpus({ seed: 4, size: 20 }).map((item) => item.text), texts.slice(0, 20));
    assert.equal(new Set(texts).size, texts.length);
  });
});
