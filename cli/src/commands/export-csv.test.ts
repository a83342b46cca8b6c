import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExportedAd } from '@indicia/indexer';
import { csvRow } from '@indicia/core';
import { csvFields, csvHeader } from './export-csv.js';

const ad: ExportedAd = {
  id: 'ad-1',
  url: 'http://abroad-jobs.test/jobs/1-hostess-madrid',
  site: 'abroad-jobs.test',
  title: 'Se busca azafata en Madrid',
  text: 'Sueldo 1.500-2.000 EUR al mes. Chicas de 18 a 30 años. -200 € bono',
  firstSeen: '2024-05-01T10:00:00.000Z',
  lastSeen: '2024-05-02T10:00:00.000Z',
  indicators: [{ type: 'phone', value: '+17025550123', raw: '(702) 555-0123', source: 'text' }],
  location: { text: 'Madrid, España', city: 'Madrid', country: 'ES' },
  language: 'es',
  age: { min: 18, max: 30, raw: 'de 18 a 30 años', source: 'text', start: 37, end: 52 },
  prices: [
    { amount: 1500, maxAmount: 2000, currency: 'EUR', per: 'month', raw: '1.500-2.000 EUR al mes', source: 'text', start: 7, end: 29 },
    { amount: 200, currency: 'EUR', raw: '200 €', source: 'text', start: 55, end: 60 },
  ],
  images: [
    { url: 'http://abroad-jobs.test/img/1.jpg', sha256: 'a'.repeat(64), mediaType: 'image/jpeg', width: 480, height: 360, perceptualHash: '0123456789abcdef', ocr: { status: 'no-text', text: '' } },
    { url: 'http://abroad-jobs.test/img/2.png', sha256: 'b'.repeat(64), mediaType: 'image/png', width: 600, height: 200, perceptualHash: null, ocr: { status: 'failed', text: '', reason: 'could not decode' } },
  ],
  needsBrowser: true,
  truncated: false,
};

describe('export CSV columns', () => {
  it('adds language, city, country, age range and prices at the end, one cell per header column', () => {
    const cells = csvFields(ad);
    assert.equal(cells.length, csvHeader.length);
    assert.deepEqual(csvHeader.slice(0, 11), ['id', 'url', 'site', 'title', 'text', 'firstSeen', 'lastSeen', 'phones', 'emails', 'handles', 'indicators']);
    const byColumn = Object.fromEntries(csvHeader.map((name, i) => [name, cells[i]]));
    assert.deepEqual(
      [byColumn.language, byColumn.city, byColumn.country, byColumn.ageMin, byColumn.ageMax, byColumn.prices],
      ['es', 'Madrid', 'ES', '18', '30', '1500-2000 EUR/month; 200 EUR'],
    );
    assert.equal(byColumn.phones, '+17025550123');
  });

  it('leaves the attribute cells empty for an ad without them', () => {
    const cells = csvFields({ ...ad, location: null, language: null, age: null, prices: [], images: [], needsBrowser: false });
    assert.deepEqual(cells.slice(-10), ['', '', '', '', '', '', '0', '', 'false', 'false']);
    assert.ok(csvRow(cells).endsWith(',"","","","","","","0","","false","false"\r\n'));
  });

  it('appends the image count, their sha256s and whether the read was partial, after the earlier columns', () => {
    assert.deepEqual(csvHeader.slice(11, 17), ['language', 'city', 'country', 'ageMin', 'ageMax', 'prices'], 'earlier columns keep their places');
    assert.deepEqual(csvHeader.slice(17), ['imageCount', 'imageSha256s', 'needsBrowser', 'truncated']);
    const byColumn = Object.fromEntries(csvHeader.map((name, i) => [name, csvFields(ad)[i]]));
    assert.deepEqual([byColumn.imageCount, byColumn.imageSha256s, byColumn.needsBrowser, byColumn.truncated], ['2', `${'a'.repeat(64)}; ${'b'.repeat(64)}`, 'true', 'false']);
  });
});
