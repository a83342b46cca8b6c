import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeEmail } from './email-normalization.js';

describe('normalizeEmail', () => {
  it('lowercases and strips decoration', () => {
    assert.equal(normalizeEmail('Anna.Vegas@Example.COM'), 'anna.vegas@example.com');
    assert.equal(normalizeEmail('mailto:anna@example.org'), 'anna@example.org');
    assert.equal(normalizeEmail('<anna@example.org>'), 'anna@example.org');
    assert.equal(normalizeEmail('anna@example.org.'), 'anna@example.org');
    assert.equal(normalizeEmail('anna+work@example.net),'), 'anna+work@example.net');
  });

  it('writes IDN domains in punycode', () => {
    assert.equal(normalizeEmail('kontakt@bücher.example'), 'kontakt@xn--bcher-kva.example');
    assert.equal(normalizeEmail('info@пример.test'), 'info@xn--e1afmkfd.test');
  });

  it('rejects what is not an address', () => {
    for (const input of ['anna', 'anna@', '@example.com', 'anna@localhost', 'anna@example', 'an..na@example.com', '.anna@example.com', 'anna@exa_mple.com', 'anna@-example.com', 'a b@example.com']) {
      assert.equal(normalizeEmail(input), null, input);
    }
  });
});
