// test-runner: alone (it asserts on time; scripts/test.mjs runs it after the other files, by itself)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Indicator } from '@indicia/core';
import { extractIndicators } from '../extract-indicators.js';

const emailsIn = (text: string, context: { source?: 'text' | 'html-attr' } = {}): Indicator[] =>
  extractIndicators(text, { captureId: 'c', source: context.source ?? 'text', ...(context.source === 'html-attr' ? { attribute: 'href' } : {}) }).filter((i) => i.type === 'email');

/** [text, value, raw span, rule expected among the rules] */
const disguised: Array<[string, string, string, string]> = [
  ['Mail anna (at) example (dot) com now', 'anna@example.com', 'anna (at) example (dot) com', 'email:at-bracketed'],
  ['anna [at] example [dot] com', 'anna@example.com', 'anna [at] example [dot] com', 'email:dot-bracketed'],
  ['anna {at} example {dot} com', 'anna@example.com', 'anna {at} example {dot} com', 'email:at-bracketed'],
  ['anna <at> example <dot> com', 'anna@example.com', 'anna <at> example <dot> com', 'email:at-bracketed'],
  ['write anna at example dot com.', 'anna@example.com', 'anna at example dot com', 'email:at-word'],
  ['ANNA AT EXAMPLE DOT COM', 'anna@example.com', 'ANNA AT EXAMPLE DOT COM', 'email:dot-word'],
  ['Anna.V @ Example . com', 'anna.v@example.com', 'Anna.V @ Example . com', 'email:at-spaced'],
  ['anna[@]example[.]com', 'anna@example.com', 'anna[@]example[.]com', 'email:at-bracketed'],
  ['anna(@)example(.)co(.)uk', 'anna@example.co.uk', 'anna(@)example(.)co(.)uk', 'email:dot-bracketed'],
  ['anna@example DOT com', 'anna@example.com', 'anna@example DOT com', 'email:dot-word'],
  ['anna (at) example.com', 'anna@example.com', 'anna (at) example.com', 'email:at-bracketed'],
  ['anna dot vegas at example dot test', 'anna.vegas@example.test', 'anna dot vegas at example dot test', 'email:dot-word'],
  ['anna-at-example-dot-com', 'anna@example.com', 'anna-at-example-dot-com', 'email:at-dashed'],
  ['annaATexample.com', 'anna@example.com', 'annaATexample.com', 'email:at-glued'],
  ['anna (arroba) example (punto) com', 'anna@example.com', 'anna (arroba) example (punto) com', 'email:at-bracketed'],
  ['anna@example\\.com', 'anna@example.com', 'anna@example\\.com', 'email:dot-escaped'],
];

describe('disguised emails', () => {
  for (const [text, value, raw, rule] of disguised) {
    it(`reads ${JSON.stringify(text)}`, () => {
      const [email, ...rest] = emailsIn(text);
      assert.equal(rest.length, 0);
      assert.equal(email?.value, value);
      const p = email!.provenance[0]!;
      assert.equal(p.raw, raw);
      assert.equal(text.slice(p.start, p.end), raw);
      assert.equal(p.obfuscated, true);
      assert.ok(p.rules.includes('email:deobfuscated') && p.rules.includes(rule), p.rules.join());
    });
  }

  it('leaves plain addresses to the plain rule, not obfuscated', () => {
    const [email] = emailsIn('Anna.Vegas@Example.com');
    assert.deepEqual(email!.provenance[0]!.rules, ['email:text']);
    assert.equal(email!.provenance[0]!.obfuscated, false);
  });

  it('decodes HTML character references in plain text, with offsets into the encoded text', () => {
    for (const text of ['&#97;nna&#64;example&#46;com', 'anna&commat;example&period;com', 'anna&#x40;example&#X2E;com', 'anna&#64example&#46com']) {
      const [email] = emailsIn(`Write ${text} today`);
      assert.equal(email?.value, 'anna@example.com', text);
      assert.equal(email!.provenance[0]!.raw, text);
      assert.equal(email!.provenance[0]!.obfuscated, true);
      assert.ok(email!.provenance[0]!.rules.includes('normalize:html-entities'));
    }
  });

  it('reads encoded and field-style mailto: links, in hrefs and in text', () => {
    const [encoded] = emailsIn('mailto:anna%40example.com', { source: 'html-attr' });
    assert.equal(encoded?.value, 'anna@example.com');
    assert.equal(encoded!.provenance[0]!.raw, 'anna%40example.com');
    assert.equal(encoded!.provenance[0]!.obfuscated, true);
    const fields = emailsIn('mailto:?to=anna@example.com&cc=bella%40example.org&subject=hi', { source: 'html-attr' });
    assert.deepEqual(fields.map((e) => e.value), ['anna@example.com', 'bella@example.org']);
    assert.deepEqual(fields.map((e) => e.provenance[0]!.obfuscated), [false, true]);
    const inText = emailsIn('contact: mailto:anna%40example.com');
    assert.equal(inText[0]?.value, 'anna@example.com');
    assert.equal(inText[0]!.provenance[0]!.raw, 'anna%40example.com');
  });

  it('does not take prose for addresses', () => {
    for (const text of [
      'meet at the hotel dot com', 'meet at hotel dot com', 'look at me', '5 at 10', 'at night', 'available at night and weekends',
      'See you at Paris. In the morning', 'more info at example.com', 'More offers at www.example.com.', 'anna at example dot zzz',
      'anna at co dot uk', 'fooMATexample.com', 'we meet et example.com', 'Insta @anna.vegas', 'just @anna_x', 'cat (dotty) com',
    ]) {
      assert.deepEqual(emailsIn(text).map((e) => e.value), [], text);
    }
  });

  it('stays fast on hostile text', () => {
    for (const text of [' at '.repeat(25_000), 'a @ '.repeat(25_000), 'a(at)'.repeat(20_000), `${'a'.repeat(100_000)} at b.com`, '&#64;'.repeat(20_000), `mailto:${'%20'.repeat(30_000)}`]) {
      const started = process.cpuUsage();
      emailsIn(text);
      const used = process.cpuUsage(started);
      // Generous: linear scans take well under this even on a loaded machine; a quadratic one takes minutes.
      assert.ok((used.user + used.system) / 1000 < 2000, `${text.slice(0, 12)}… took ${(used.user + used.system) / 1000} ms CPU`);
    }
  });
});
