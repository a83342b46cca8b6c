import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '@indicia/core';
import { whoisXmlSettingsOf } from './configured-provider.js';
import { pivotConfig } from './pivot-config.js';
import { createPivotLookups } from './pivot-lookups.js';
import { fakeApiKey } from './providers/test-support/whoisxml-fixture-data.js';

const resolve = (env: Record<string, string>) => pivotConfig.resolve({ env }).values;

test('INDICIA_WHOISXML_* reach the provider: one base URL serves both APIs, an empty key is no key', () => {
  const settings = whoisXmlSettingsOf(resolve({ INDICIA_WHOISXML_API_KEY: ' ', INDICIA_WHOISXML_URL: 'http://127.0.0.1:9/proxy/', INDICIA_WHOISXML_CONCURRENCY: '4', INDICIA_WHOISXML_REVERSE_SEARCH_TYPE: 'current' }));
  assert.equal(settings.apiKey, null);
  assert.equal(settings.historyUrl, 'http://127.0.0.1:9/proxy/api/v1');
  assert.equal(settings.reverseUrl, 'http://127.0.0.1:9/proxy/api/v2');
  assert.equal(settings.maxConcurrent, 4);
  assert.equal(settings.reverseSearchType, 'current');
  const real = whoisXmlSettingsOf(resolve({ INDICIA_WHOISXML_API_KEY: fakeApiKey }));
  assert.equal(real.apiKey, fakeApiKey);
  assert.equal(real.historyUrl, 'https://whois-history.whoisxmlapi.com/api/v1');
  assert.equal(real.reverseUrl, 'https://reverse-whois.whoisxmlapi.com/api/v2');
  assert.throws(() => resolve({ INDICIA_WHOISXML_URL: 'ftp://127.0.0.1/' }), UsageError);
});

test('the key is redacted from the logged configuration', () => {
  const values = resolve({ INDICIA_WHOISXML_API_KEY: fakeApiKey });
  const logged = JSON.stringify(pivotConfig.redact(values));
  assert.ok(!logged.includes(fakeApiKey));
  assert.match(logged, /"whoisxmlApiKey":"\[redacted\]"/);
});

test('describe() says at start whether the provider history is imported, or why not, without the key', () => {
  const line = (env: Record<string, string>) => createPivotLookups(resolve(env)).describe().find((text) => text.startsWith('  provider history:'));
  assert.equal(line({}), '  provider history: off (WhoisXML API disabled: no api key (set INDICIA_WHOISXML_API_KEY, or whoisxmlApiKey in the config file))');
  assert.equal(line({ INDICIA_WHOISXML_API_KEY: fakeApiKey, INDICIA_WHOISXML_HISTORY_IMPORT: 'false' }), '  provider history: off (INDICIA_WHOISXML_HISTORY_IMPORT=false); WhoisXML API is on for pivot reverse --provider whoisxml');
  const on = line({ INDICIA_WHOISXML_API_KEY: fakeApiKey, INDICIA_WHOISXML_URL: 'http://user:secret@127.0.0.1:9/x', INDICIA_PROVIDER_TIMEOUT_MS: '5000' });
  assert.equal(on, "  provider history: WhoisXML API WHOIS History (http://127.0.0.1:9) imported the first time a domain is looked up (uses API credits); a call past 5s is given up and the domain's own lookup goes on");
  assert.equal(createPivotLookups(resolve({})).registration?.importHistory, undefined, 'no key: no import');
  assert.equal(typeof createPivotLookups(resolve({ INDICIA_WHOISXML_API_KEY: fakeApiKey })).registration?.importHistory, 'function');
});
