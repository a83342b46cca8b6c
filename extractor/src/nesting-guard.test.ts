// test-runner: alone (it asserts on time; scripts/test.mjs runs it after the other files, by itself)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { limitNesting } from './nesting-guard.js';

describe('limitNesting', () => {
  it('leaves ordinary pages alone', () => {
    const html = `<html><body>${'<div><ul><li>item<li>item</ul><p>text<p>more</div>'.repeat(500)}</body></html>`;
    assert.deepEqual(limitNesting(html, 50), { html, flattened: false });
  });

  it('drops the tags beyond the limit and keeps all the text', () => {
    const html = `${'<div>'.repeat(10)}deep text${'</div>'.repeat(10)}<p>after</p>`;
    const result = limitNesting(html, 3);
    assert.equal(result.flattened, true);
    assert.equal(result.html, '<div><div><div>deep text</div></div></div><p>after</p>');
  });

  it('makes a hostile page of 200,000 nested elements quick to parse', () => {
    const depth = 200_000;
    const html = `${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`;
    const before = process.cpuUsage();
    const result = limitNesting(html);
    const used = process.cpuUsage(before);
    assert.ok(result.flattened);
    assert.ok(result.html.length < 20_000);
    // CPU time, so a busy machine does not fail it; unguarded, parsing this takes minutes.
    assert.ok((used.user + used.system) / 1000 < 2000);
  });
});
