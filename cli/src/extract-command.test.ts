import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cliBin, collect, runIndicia, tempDir, type CliResult } from './test-support/run-cli.js';

const corpus = [
  JSON.stringify({ id: 'ad-1', text: 'Call (702) 555-0134 tonight', country: 'US' }),
  'Call (702) 555-0199, not json',
  JSON.stringify({ id: 'ad-2', text: 'Write to anna@example.com or anna (at) example (dot) com' }),
  JSON.stringify({ text: 'no id here (702) 555-0135' }),
  JSON.stringify({ id: 'ad-3', text: 'Text 702-555-0136' }),
  JSON.stringify({ id: 'ad-4', text: 'x', country: 'Nevada' }),
  '',
  JSON.stringify({ id: 'ad-5', text: 'nothing here', html: '<p>Mail <a href="mailto:bella@example.com">me</a></p>' }),
  JSON.stringify({ id: 7, text: 'wrong id type' }),
].join('\n');

interface OutputLine {
  id: string;
  indicators: Array<Record<string, unknown>>;
}

const parseOutput = (stdout: string): OutputLine[] => stdout.trim().split('\n').map((line) => JSON.parse(line) as OutputLine);

function assertCorpusResult(result: CliResult, stdout: string): void {
  assert.equal(result.code, 0, result.stderr);
  const lines = parseOutput(stdout);
  assert.deepEqual(lines.map((l) => l.id), ['ad-1', 'ad-2', 'ad-3', 'ad-5'], 'input order, bad lines left out');
  for (const line of lines) assert.deepEqual(Object.keys(line), ['id', 'indicators']);
  assert.deepEqual(lines[0]!.indicators, [{ type: 'phone', value: '+17025550134', raw: '(702) 555-0134', start: 5, end: 19 }]);
  assert.deepEqual(lines[1]!.indicators.map((i) => i.value), ['anna@example.com'], 'one entry per distinct indicator');
  assert.deepEqual(lines[2]!.indicators.map((i) => i.value), ['+17025550136'], '--country is the default for lines without one');
  const fromHtml = lines[3]!.indicators[0]!;
  assert.deepEqual(Object.keys(fromHtml), ['type', 'value', 'raw', 'start', 'end']);
  assert.equal(fromHtml.value, 'bella@example.com');

  assert.match(result.stderr, /line 2: skipped: not JSON/);
  assert.match(result.stderr, /line 4: skipped: id: /);
  assert.match(result.stderr, /line 6: skipped: country: /);
  assert.match(result.stderr, /line 9: skipped: id: /);
  assert.doesNotMatch(result.stderr, /line (1|3|5|7|8):/);
  assert.match(result.stderr, /read 9 lines, wrote 4, skipped 4, 1 blank/);
  assert.doesNotMatch(result.stderr, /555-01(35|99)/, 'bad lines are reported without their content');
}

describe('indicia extract', () => {
  const dir = tempDir('extract');
  after(() => dir.remove());
  const input = join(dir.path, 'corpus.jsonl');
  writeFileSync(input, `${corpus}\n`);

  it('reads --input and writes stdout, in order, skipping bad lines with their line numbers', async () => {
    const result = await runIndicia(['extract', '--input', input, '--country', 'US']);
    assertCorpusResult(result, result.stdout);
  });

  it('reads stdin and writes --output', async () => {
    const output = join(dir.path, 'out.jsonl');
    const child = spawn(process.execPath, [cliBin, 'extract', '--output', output, '--country', 'us'], {
      env: { ...process.env, INDICIA_DATA: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.end(`${corpus}\n`);
    const result = await collect(child, 60_000);
    assert.equal(result.stdout, '');
    assertCorpusResult(result, readFileSync(output, 'utf8'));
  });

  for (const workers of ['0', '2']) {
    it(`keeps order and reports progress over many lines (--workers ${workers})`, async () => {
      const many = join(dir.path, `many-${workers}.jsonl`);
      const count = 3000;
      const records = Array.from({ length: count }, (_, i) =>
        i % 500 === 7 ? 'not json' : JSON.stringify({ id: `r${i}`, text: `Call (702) 555-01${String(i % 100).padStart(2, '0')} #${i}`, country: 'US' }),
      );
      writeFileSync(many, `${records.join('\n')}\n`);
      const result = await runIndicia(['extract', '--input', many, '--progress-interval', '0', '--workers', workers]);
      assert.equal(result.code, 0, result.stderr);
      const lines = parseOutput(result.stdout);
      const expectedIds = records.flatMap((record, i) => (record === 'not json' ? [] : [`r${i}`]));
      assert.deepEqual(lines.map((line) => line.id), expectedIds);
      for (const line of lines) assert.equal(line.indicators[0]?.value, `+170255501${line.id.slice(1).padStart(2, '0').slice(-2)}`);
      const skipped = [...result.stderr.matchAll(/line (\d+): skipped: not JSON/g)].map((m) => Number(m[1]));
      assert.deepEqual(skipped, [8, 508, 1008, 1508, 2008, 2508], 'bad lines reported in input order');
      assert.match(result.stderr, /extract: [\d,]+ lines · [\d,]+ lines\/s/);
    });
  }

  it('takes its worker count from INDICIA_EXTRACT_WORKERS and refuses a bad one', async () => {
    const result = await runIndicia(['extract', '--input', input], { env: { INDICIA_EXTRACT_WORKERS: 'many' } });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /INDICIA_EXTRACT_WORKERS/);
    const viaEnv = await runIndicia(['extract', '--input', input, '--country', 'US'], { env: { INDICIA_EXTRACT_WORKERS: '2' } });
    assertCorpusResult(viaEnv, viaEnv.stdout);
  });

  it('refuses a bad --country or a missing --input with a usage error', async () => {
    let result = await runIndicia(['extract', '--input', input, '--country', 'XX']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--country "XX"/);
    assert.equal(result.stdout, '');
    result = await runIndicia(['extract', '--input', join(dir.path, 'missing.jsonl')]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /cannot read --input/);
  });

  it('teaches with examples in --help', async () => {
    const result = await runIndicia(['extract', '--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /Examples:/);
    assert.match(result.stdout, /first occurrence/);
  });
});
