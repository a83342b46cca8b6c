import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseWhois } from '../parse-whois.js';
import { accuracyByField, accuracyTable, measureCorpusAccuracy } from './corpus-accuracy.js';
import { accuracyFloorMargin, accuracyFloors } from './corpus-accuracy-floors-data.js';
import { loadCorpusCases, whoisCorpusRoot } from './corpus-cases.js';

// dist/whois-parser/accuracy/x.test.js → repository root, beside which CI checks out ../shared.
const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

describe('WHOIS parser accuracy against the real-response corpus', () => {
  const cases = loadCorpusCases(whoisCorpusRoot(repositoryRoot));
  const accuracy = measureCorpusAccuracy(cases, parseWhois);
  const byField = accuracyByField(accuracy);

  it('reads the whole corpus', () => {
    assert.ok(cases.length >= 350, `found ${cases.length} responses`);
    assert.ok(cases.filter((corpusCase) => corpusCase.expected !== null).length >= 350);
  });

  it('parses every response or rejects it with WhoisParseError', () => {
    console.log(`\n${accuracyTable(accuracy)}\n`);
    assert.equal(accuracy.unexpectedErrors, 0);
  });

  it('keeps every field at or above its committed floor', () => {
    const below = Object.entries(accuracyFloors)
      .filter(([field, floor]) => (byField[field]?.accuracy ?? 0) < floor - accuracyFloorMargin)
      .map(([field, floor]) => `${field}: ${byField[field]?.accuracy ?? 'not measured'} < ${floor}`);
    assert.deepEqual(below, []);
  });
});
