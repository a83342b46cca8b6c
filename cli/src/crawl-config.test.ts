import { strict as assert } from 'node:assert';
import { availableParallelism } from 'node:os';
import { describe, it } from 'node:test';
import { UsageError } from '@indicia/core';
import { crawlConfig, splitCrawlConfig } from './crawl-config.js';
import { defaultExtractWorkers } from './extract-workers-setting.js';
import { crawlFlagsToConfig } from './commands/crawl-flags.js';

describe('the extract worker count of crawl and demo', () => {
  it('defaults to the cores left beside the crawler, at least one', () => {
    assert.equal(defaultExtractWorkers(), Math.max(1, availableParallelism() - 1));
    assert.equal(crawlConfig.resolve({}).values.extractWorkers, defaultExtractWorkers());
  });

  it('takes --extract-workers over INDICIA_EXTRACT_WORKERS over the config file', () => {
    const fromFile = crawlConfig.resolve({ file: { extractWorkers: 3 } });
    assert.equal(fromFile.values.extractWorkers, 3);
    const fromEnv = crawlConfig.resolve({ env: { INDICIA_EXTRACT_WORKERS: '4' }, file: { extractWorkers: 3 } });
    assert.deepEqual([fromEnv.values.extractWorkers, fromEnv.sources.extractWorkers], [4, 'env']);
    const fromFlag = crawlConfig.resolve({ flags: crawlFlagsToConfig({ extractWorkers: 0 }), env: { INDICIA_EXTRACT_WORKERS: '4' } });
    assert.deepEqual([fromFlag.values.extractWorkers, fromFlag.sources.extractWorkers], [0, 'flag']);
  });

  it('refuses a count that is not a whole number of 0 or more, naming where it came from', () => {
    assert.throws(() => crawlConfig.resolve({ env: { INDICIA_EXTRACT_WORKERS: 'two' } }), (error: unknown) => error instanceof UsageError && /INDICIA_EXTRACT_WORKERS/.test(error.message));
    assert.throws(() => crawlConfig.resolve({ file: { extractWorkers: -1 } }), UsageError);
    assert.throws(() => crawlConfig.resolve({ file: { extractWorkers: 1.5 } }), UsageError);
  });
});

describe('a crawl\'s settings split by part', () => {
  it("gives the pivots every pivot setting, the provider's with their defaults, and the crawler none of them", () => {
    const parts = splitCrawlConfig(crawlConfig.resolve({}).values);
    assert.equal(parts.pivot.providerTimeoutMs, 20_000);
    assert.equal(parts.pivot.whoisxmlHistoryImport, true);
    assert.equal(parts.pivot.whoisxmlUrl, null);
    assert.ok(!('whoisxmlApiKey' in parts.crawler) && !('defaultCountry' in parts.crawler));
    assert.equal(parts.processing.extractWorkers, defaultExtractWorkers());
  });
});
