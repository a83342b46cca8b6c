import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdExtractedSchema } from '@indicia/core';
import { extractPage } from './extract-page.js';
import { capturedPage } from './fixtures/captured-page.js';
import { classifiedsHost, detailPage } from './fixtures/classifieds-site.js';

describe('extractPage: ad attributes', () => {
  const ad = extractPage(capturedPage(`http://${classifiedsHost}/ads/1012`, detailPage(1012))).ad!;

  it('fills prices, age and language, with offsets into the ad text', () => {
    assert.doesNotThrow(() => AdExtractedSchema.parse(ad));
    assert.deepEqual(ad.prices.map((p) => [p.amount, p.currency, p.per, p.raw]), [[200, 'USD', 'hour', '$200/hr'], [350, 'USD', undefined, '$350']]);
    assert.deepEqual([ad.age?.min, ad.age?.max, ad.age?.raw], [24, 24, 'I am Anna, 24']);
    for (const span of [...ad.prices, ad.age!]) assert.equal(ad.text.slice(span.start, span.end), span.raw);
    assert.deepEqual([ad.language, ad.languageBasis], ['en', 'declared']);
  });

  it('detects the language of a page that declares none', () => {
    const body = detailPage(1012).replace('<html lang="en">', '<html>');
    const undeclared = extractPage(capturedPage(`http://${classifiedsHost}/ads/1012`, body)).ad!;
    assert.deepEqual([undeclared.language, undeclared.languageBasis], ['en', 'text']);
  });
});
