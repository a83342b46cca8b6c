import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refangText } from './defanged-text.js';

describe('refangText', () => {
  it('rewrites defanged dots and schemes and maps spans back to what was written', () => {
    const written = 'go hxxps[://]anna[.]example (dot) com/a now';
    const refanged = refangText(written);
    assert.equal(refanged.text, 'go https://anna.example.com/a now');
    const start = refanged.text.indexOf('https');
    const end = refanged.text.indexOf(' now');
    assert.deepEqual(refanged.toWrittenSpan(start, end), { start: 3, end: written.indexOf(' now') });
    assert.equal(refanged.rewrote(start, end), true);
    assert.equal(refanged.rewrote(0, 2), false);
    assert.equal(refanged.rewrote(end, refanged.text.length), false);
  });

  it('handles every bracket form, in any case', () => {
    assert.equal(refangText('a(.)b{.}c[DOT]d (Dot) e hXXp://f [:]').text, 'a.b.c.d.e http://f :');
  });

  it('leaves text without defanged forms as it is, with identity offsets', () => {
    const refanged = refangText('Call me (daytime) at anna.example [photos]');
    assert.equal(refanged.text, 'Call me (daytime) at anna.example [photos]');
    assert.deepEqual(refanged.toWrittenSpan(5, 9), { start: 5, end: 9 });
  });
});
