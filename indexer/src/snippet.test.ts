import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Provenance } from '@indicia/core';
import { indicatorSnippet, leadingSnippet } from './snippet.js';

function place(text: string, raw: string, overrides: Partial<Provenance> = {}): Provenance {
  const start = text.indexOf(raw);
  return { captureId: 'c', source: 'text', start, end: start + raw.length, raw, obfuscated: false, rules: [], ...overrides };
}

describe('snippets', () => {
  it('wraps the raw span in «» with context, cut at spaces, whitespace collapsed', () => {
    const text = `${'Lorem ipsum dolor sit amet '.repeat(6)}call\n\n(702) 555-0123 now. ${'Consectetur adipiscing elit '.repeat(6)}`;
    const snippet = indicatorSnippet(text, [place(text, '(702) 555-0123')])!;
    assert.match(snippet, /^….* call «\(702\) 555-0123» now\. .*…$/);
    assert.ok(!snippet.includes('\n'));
    assert.ok(snippet.length < 200, `${snippet.length}`);
    assert.ok(!/…\S*\s?ipsu$/.test(snippet.split('«')[0]!), 'starts at a word');
  });

  it('finds the raw span again when the offsets point elsewhere (text from a later capture)', () => {
    const text = 'Updated ad. Email ROSE@example.com today.';
    const stale = { ...place(text, 'ROSE@example.com'), start: 2, end: 18 };
    assert.equal(indicatorSnippet(text, [stale]), 'Updated ad. Email «ROSE@example.com» today.');
  });

  it('skips places outside the text and returns null when none is in it', () => {
    const text = 'No contact in the text.';
    const link = place('tel:+17025550123', 'tel:+17025550123', { source: 'html-attr', start: 0, end: 16 });
    assert.equal(indicatorSnippet(text, [link]), null);
    assert.equal(indicatorSnippet(text, [place(text, 'gone', { start: 0, end: 4 })]), null);
  });

  it('never splits an emoji at a cut', () => {
    const text = `${'😀'.repeat(60)} phone 07700 900123 ${'😀'.repeat(60)}`;
    const snippet = indicatorSnippet(text, [place(text, '07700 900123')])!;
    assert.ok(snippet.includes('«07700 900123»'));
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(snippet), 'no lone surrogate');
  });

  it('starts from the beginning of the text when there is no match to show', () => {
    assert.equal(leadingSnippet('Short   ad\ntext.'), 'Short ad text.');
    const long = 'word '.repeat(100);
    const snippet = leadingSnippet(long);
    assert.ok(snippet.endsWith('…') && snippet.length <= 162, snippet);
  });
});
