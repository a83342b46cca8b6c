import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { runIndicia } from './test-support/run-cli.js';

describe('indicia worker pivot on the command line', () => {
  it('teaches with examples, and says how two workers share the domains', async () => {
    const result = await runIndicia(['worker', 'pivot', '--help']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Examples:\n {2}\$ indicia worker pivot --kafka 127\.0\.0\.1:9092 --es http:\/\/127\.0\.0\.1:9200/);
    assert.match(result.stdout, /domain\.seen is keyed by domain, so all of one domain's messages go to one\s+worker/);
  });

  it('needs Elasticsearch (when each domain was last looked at) and says how to get it', async () => {
    const result = await runIndicia(['worker', 'pivot', '--kafka', '127.0.0.1:9092'], { env: { INDICIA_ES: '' } });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /needs Elasticsearch: pass --es URL .*infra\/elasticsearch\.sh start/);
  });
});
