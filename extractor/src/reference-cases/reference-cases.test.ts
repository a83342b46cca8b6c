import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { extractIndicators } from '../extract-indicators.js';

interface ReferenceCase {
  text: string;
  region?: string | null;
  expected: string[];
  /** Where we deliberately read the text differently from the reference implementation, and why. */
  ours?: { expected: string[]; why: string };
}

function loadCases(file: string): ReferenceCase[] {
  // The JSON stays in src/ (data, with its source note); tests run from dist/.
  const url = new URL(`../../src/reference-cases/${file}`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: ReferenceCase[] }).cases;
}

function valuesOf(text: string, type: 'phone' | 'email', region?: string | null): string[] {
  return extractIndicators(text, { captureId: 'reference', source: 'text', ...(region ? { defaultCountry: region } : {}) })
    .filter((i) => i.type === type)
    .map((i) => i.value);
}

describe('reference cases: libphonenumber PhoneNumberMatcher free text', () => {
  for (const c of loadCases('phone-number-matcher-cases.json')) {
    const differs = c.ours ? ` — deliberately differs: ${c.ours.why}` : '';
    it(`${JSON.stringify(c.text)} (${c.region ?? 'no region'})${differs}`, () => {
      assert.deepEqual(valuesOf(c.text, 'phone', c.region), c.ours?.expected ?? c.expected);
    });
  }
});

describe('reference cases: defanged email forms of IOC extractors', () => {
  for (const c of loadCases('defanged-emails.json')) {
    it(JSON.stringify(c.text), () => {
      assert.deepEqual(valuesOf(c.text, 'email'), c.expected);
    });
  }
});
