import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runIndicia, tempDir } from './test-support/run-cli.js';

describe('indicia command line', () => {
  const dir = tempDir('usage');
  after(() => dir.remove());

  for (const command of [[], ['demo'], ['crawl'], ['search'], ['export'], ['extract'], ['evidence', 'verify'], ['evidence', 'export'], ['testbed', 'serve'], ['testbed', 'truth'], ['worker'], ['worker', 'crawl'], ['worker', 'extract'], ['worker', 'index'], ['worker', 'pivot'], ['status'], ['pivot', 'reverse'], ['pivot', 'refresh'], ['whois', 'parse'], ['whois', 'lookup'], ['rdap', 'lookup'], ['rdap', 'bootstrap'], ['dns', 'lookup'], ['graph'], ['clusters']]) {
    it(`teaches with examples: indicia ${command.join(' ')} --help`, async () => {
      const result = await runIndicia([...command, '--help']);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Usage: indicia/);
      assert.match(result.stdout, /Examples:|Start here:/);
    });
  }

  it('refuses an unknown flag with a usage error (exit 2)', async () => {
    const result = await runIndicia(['crawl', 'http://a.test/', '--no-such-flag']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown option '--no-such-flag'/);
  });

  it('refuses a bad number with the flag named', async () => {
    const result = await runIndicia(['crawl', 'http://a.test/', '--max-pages', 'lots', '--data', dir.path]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--max-pages/);
  });

  it('says in one line what is wrong with a config file, and exits 2', async () => {
    const bad = join(dir.path, 'bad.json');
    writeFileSync(bad, '{ "maxPages": 10, ');
    let result = await runIndicia(['crawl', 'http://a.test/', '--config', bad, '--data', dir.path]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^indicia: config file .*bad\.json is not valid JSON/);
    assert.equal(result.stderr.trim().split('\n').length, 1);

    writeFileSync(bad, JSON.stringify({ maxPage: 10 }));
    result = await runIndicia(['crawl', 'http://a.test/', '--config', bad, '--data', dir.path]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown setting "maxPage"/);

    writeFileSync(bad, JSON.stringify({ allow: ['(unclosed'] }));
    result = await runIndicia(['crawl', 'http://a.test/', '--config', bad, '--data', dir.path]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /not a valid regular expression/);
  });

  it('rejects an invalid environment setting naming the variable', async () => {
    const result = await runIndicia(['crawl', 'http://a.test/', '--data', dir.path], { env: { INDICIA_MAX_PAGES: 'many' } });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /INDICIA_MAX_PAGES/);
  });

  it('refuses a seed that is not a URL', async () => {
    const result = await runIndicia(['crawl', 'ftp://files.test/', '--data', dir.path]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /not a crawlable URL/);
  });

  it('tells how to get an index when searching an empty data directory', async () => {
    const result = await runIndicia(['search', '--phone', '+17025550134', '--data', join(dir.path, 'empty')]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no index in .*indicia demo/);
  });

  it('explains a phone it cannot read', async () => {
    const result = await runIndicia(['search', '--phone', '555', '--data', dir.path]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /cannot read "555" as a phone number/);
  });

  it('says how to get Kafka or Elasticsearch when a worker is started without them', async () => {
    let result = await runIndicia(['worker', 'extract'], { env: { INDICIA_KAFKA: '' } });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /needs Kafka: pass --kafka HOST:PORT .*infra\/kafka\.sh start/);
    result = await runIndicia(['worker', 'index', '--kafka', '127.0.0.1:9092'], { env: { INDICIA_ES: '' } });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /needs Elasticsearch: pass --es URL .*infra\/elasticsearch\.sh start/);
    result = await runIndicia(['worker', 'crawl', '--kafka', 'not a server']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /HOST:PORT/);
  });

  it('refuses an unknown export format', async () => {
    const result = await runIndicia(['export', '--format', 'xml', '--data', dir.path]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown export format "xml"/);
  });
});
