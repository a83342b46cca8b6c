import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '@indicia/core';
import { crawlConfig, crawlSettingsSchema, redactProxyUrl, type CrawlSettings } from './index.js';

test('crawl settings: defaults, environment variables, redaction', () => {
  const defaults: CrawlSettings = crawlSettingsSchema.parse({ seeds: ['http://a.test/'], dataDir: '/data' });
  assert.equal(defaults.maxPages, 1000);
  assert.equal(defaults.maxDepth, 10);
  assert.equal(defaults.concurrency, 10);
  assert.equal(defaults.perHostConcurrency, 4);
  assert.equal(defaults.respectRobotsTxt, true);
  assert.equal(defaults.maxResponseBytes, 5 * 1024 * 1024);
  assert.equal(defaults.proxyUrl, null);

  const resolved = crawlConfig.resolve({
    flags: { seeds: ['http://a.test/'], dataDir: '/data', maxPages: 20 },
    env: { INDICIA_MAX_PAGES: '50', INDICIA_DENY: 'calendar,sort=', INDICIA_RESPECT_ROBOTS: 'false', INDICIA_PROXY: 'http://agent:s3cret@127.0.0.1:8080' },
  });
  assert.equal(resolved.values.maxPages, 20, 'flags win over env');
  assert.deepEqual(resolved.values.deny, ['calendar', 'sort=']);
  assert.equal(resolved.values.respectRobotsTxt, false);
  assert.equal(resolved.sources.respectRobotsTxt, 'env');
  assert.equal(crawlConfig.redact(resolved.values).proxyUrl, '[redacted]');
  assert.equal(redactProxyUrl(resolved.values.proxyUrl), 'http://127.0.0.1:8080');

  assert.throws(() => crawlConfig.resolve({ flags: { seeds: ['http://a.test/'], dataDir: '/d' }, env: { INDICIA_CONCURRENCY: 'lots' } }), UsageError);
  assert.throws(() => crawlConfig.resolve({ flags: { seeds: ['http://a.test/'], dataDir: '/d', allow: ['[unclosed'] } }), /not a valid regular expression/);
});
