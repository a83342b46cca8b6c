import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { labelledCorpus, type LabelledText } from '@indicia/testbed';
import { extractBatchRecord, type BatchIndicator } from './batch-record.js';
import { formatRatesTable, scoreExtraction, type FoundIndicator, type QualityReport, type SpanSource } from './test-support/extraction-quality-score.js';

/**
 * Issue 3, "Quality, in tests": the labelled corpus of the testbed (every disguise, eleven
 * languages, distractors) through the batch contract, scored per indicator type and per style.
 */
const seed = 3;
const size = 3_000;
const minimumPrecision = 0.98;
const minimumRecall = 0.97;

interface Run {
  item: LabelledText;
  indicators: BatchIndicator[];
}

/** Which input string an output indicator's offsets index: the text first, as the contract says. */
function sourceOf(item: LabelledText, indicator: BatchIndicator): SpanSource | undefined {
  if (item.text.slice(indicator.start, indicator.end) === indicator.raw) return 'text';
  if (item.html !== undefined && item.html.slice(indicator.start, indicator.end) === indicator.raw) return 'html';
  return undefined;
}

function found(item: LabelledText, indicators: BatchIndicator[]): FoundIndicator[] {
  return indicators.map((indicator) => ({
    type: indicator.type,
    value: indicator.value,
    ...(indicator.platform ? { platform: indicator.platform } : {}),
    ...(indicator.chain ? { chain: indicator.chain } : {}),
    source: sourceOf(item, indicator),
    start: indicator.start,
    end: indicator.end,
  }));
}

describe('extraction quality on the labelled corpus', () => {
  let runs: Run[];
  let report: QualityReport;

  before(() => {
    runs = labelledCorpus({ seed, size }).map((item) => ({
      item,
      indicators: extractBatchRecord({ id: item.id, text: item.text, ...(item.country ? { country: item.country } : {}), ...(item.html ? { html: item.html } : {}) }).indicators,
    }));
    report = scoreExtraction(runs.map(({ item, indicators }) => ({ id: item.id, expected: item.expected, found: found(item, indicators), distractors: item.distractorSpans })));
  });

  it('gives every indicator a raw span that is the exact slice of its input', () => {
    const wrong = runs.flatMap(({ item, indicators }) => indicators.filter((indicator) => sourceOf(item, indicator) === undefined).map((indicator) => `${item.id} ${indicator.type} [${indicator.start},${indicator.end})`));
    assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} indicators whose raw is not input.slice(start, end)`);
  });

  it('places every indicator it finds on the written form the corpus planted', () => {
    const misplaced = report.misplaced.map((example) => `${example.id} ${example.type} (${example.where})`);
    assert.deepEqual(misplaced.slice(0, 10), [], `${misplaced.length} found indicators whose span misses the planted written form`);
  });

  it(`reaches precision ${minimumPrecision} and recall ${minimumRecall} overall`, (t) => {
    t.diagnostic(`corpus seed ${seed}, ${size} items; whatsapp/signal handles of labelled phones tolerated: ${report.tolerated}`);
    t.diagnostic(formatRatesTable('overall', new Map([['all', report.overall]])));
    t.diagnostic(formatRatesTable('type', report.byType));
    t.diagnostic(formatRatesTable('style', report.byStyle));
    t.diagnostic(`false positives by origin: ${[...report.falsePositivesByOrigin].map(([origin, count]) => `${origin} ${count}`).join(', ') || 'none'}`);
    const sample = (list: QualityReport['misses']) => list.slice(0, 15).map((e) => `${e.id} ${e.type}${e.platform ? `/${e.platform}` : ''} ${e.value} (${e.where})`).join('\n');
    if (report.misses.length > 0) t.diagnostic(`misses, first of ${report.misses.length}:\n${sample(report.misses)}`);
    if (report.falsePositives.length > 0) t.diagnostic(`false positives, first of ${report.falsePositives.length}:\n${sample(report.falsePositives)}`);
    const { precision, recall } = report.overall;
    assert.ok(precision >= minimumPrecision && recall >= minimumRecall, `precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}`);
  });
});
