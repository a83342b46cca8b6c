import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { assertKnownKeys, defineConfig } from './config.js';
import { UsageError } from './errors.js';

const config = defineConfig({
  maxPages: { schema: z.number().int().positive().default(100), env: 'T_MAX_PAGES', description: 'pages' },
  respectRobots: { schema: z.boolean().default(true), env: 'T_ROBOTS', description: 'robots' },
  proxy: { schema: z.string().url().nullable().default(null), env: 'T_PROXY', description: 'proxy', secret: true },
  allow: { schema: z.array(z.string()).default([]), env: 'T_ALLOW', description: 'allow' },
});

describe('defineConfig', () => {
  it('merges flags > env > file > defaults and says where each value came from', () => {
    const { values, sources } = config.resolve({
      flags: { maxPages: 5 },
      env: { T_MAX_PAGES: '7', T_ROBOTS: 'false', T_ALLOW: 'a,b' },
      file: { maxPages: 9, proxy: 'http://127.0.0.1:8080' },
    });
    assert.deepEqual(values, { maxPages: 5, respectRobots: false, proxy: 'http://127.0.0.1:8080', allow: ['a', 'b'] });
    assert.deepEqual(sources, { maxPages: 'flag', respectRobots: 'env', proxy: 'file', allow: 'env' });
  });

  it('uses defaults when nothing is set', () => {
    assert.deepEqual(config.resolve({}).values, { maxPages: 100, respectRobots: true, proxy: null, allow: [] });
  });

  it('names the bad setting and where it came from', () => {
    assert.throws(() => config.resolve({ env: { T_MAX_PAGES: 'lots' } }), (e: unknown) => e instanceof UsageError && /T_MAX_PAGES/.test(e.message) && /"lots"/.test(e.message));
    assert.throws(() => config.resolve({ file: { maxPages: -1 } }), /config file key "maxPages"/);
  });

  it('redacts secrets for logging', () => {
    const { values } = config.resolve({ flags: { proxy: 'http://user:pw@127.0.0.1:1' } });
    assert.equal(config.redact(values).proxy, '[redacted]');
  });

  it('rejects unknown keys in a config file', () => {
    assert.throws(() => assertKnownKeys({ maxPage: 1 }, Object.keys(config.fields), 'indicia.json'), /unknown setting "maxPage"/);
  });
});
