#!/usr/bin/env node
// `npm test`: type-check and build every workspace, lint, then run every workspace's tests
// (node:test, compiled to dist/) in one runner, ending with one "N passed, N failed" line.
import { spawn, spawnSync } from 'node:child_process';
import { openSync, readSync, closeSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
const workspaces = ['core', 'bus', 'testbed', 'crawler', 'extractor', 'indexer', 'pivot', 'console', 'cli'];

function step(title, command, args) {
  process.stdout.write(`\n== ${title}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    process.stdout.write(`\n${title} failed (exit ${result.status ?? result.signal}); tests not run.\n0 passed, 1 failed\n`);
    process.exit(1);
  }
}

function testFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...testFiles(path));
    else if (name.endsWith('.test.js')) found.push(path);
  }
  return found;
}

step('type-check and build', 'npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
step('lint', 'npx', ['eslint', '--max-warnings=0', ...workspaces.map((w) => `${w}/src`), 'console/ui']);

/**
 * Distributed mode and onion crawling are tested on real servers. Unless INDICIA_TEST_ES_URL /
 * INDICIA_TEST_KAFKA / INDICIA_TEST_TOR point at running ones, the infra scripts fetch (once, from
 * Maven Central) and start Elasticsearch and Kafka on loopback, and build the private Tor network
 * from Debian's tor package; the ones started here are stopped at the end. If one cannot start (no
 * Java, no Maven, no tor), the run fails saying what is missing: tests never pass by skipping.
 */
const startedServers = [];
function ensureServer(script, envName) {
  if (process.env[envName]) {
    process.stdout.write(`== ${script}: using ${process.env[envName]} (${envName})\n`);
    return;
  }
  const scriptPath = join(root, 'infra', script);
  const running = spawnSync(scriptPath, ['status'], { cwd: root, env, encoding: 'utf8' }).status === 0;
  process.stdout.write(`\n== ${running ? 'using the running' : 'starting'} ${script.replace('.sh', '')}: infra/${script} start\n`);
  const started = spawnSync(scriptPath, ['start'], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (started.status !== 0) {
    process.stdout.write(`\ninfra/${script} start failed (exit ${started.status ?? started.signal}): the tests that use it cannot run; see the reason above.\n0 passed, 1 failed\n`);
    stopServers();
    process.exit(1);
  }
  env[envName] = started.stdout.trim().split('\n').pop();
  if (!running) startedServers.push(scriptPath);
}
function stopServers() {
  for (const scriptPath of startedServers.splice(0)) spawnSync(scriptPath, ['stop'], { cwd: root, env, stdio: 'inherit' });
}

const only = process.argv.slice(2);
const files = workspaces
  .filter((w) => only.length === 0 || only.includes(w))
  .flatMap((w) => testFiles(join(root, w, 'dist')))
  .sort();
if (files.length === 0) {
  process.stdout.write('no test files found\n0 passed, 1 failed\n');
  process.exit(1);
}
/**
 * Files that assert on time (CPU per page, event-loop delay, throughput against a baseline) say so
 * with this marker near their top. They run after the rest, one at a time, so a browser test's
 * Chromium or an OCR pool in a neighbouring file cannot make them fail.
 */
const measuresTime = 'test-runner: alone';
function isMeasuring(file) {
  const head = Buffer.alloc(2048);
  const fd = openSync(file, 'r');
  try {
    return head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8').includes(measuresTime);
  } finally {
    closeSync(fd);
  }
}
const measuring = files.filter(isMeasuring);
const together = files.filter((file) => !measuring.includes(file));

/**
 * A test that hangs fails after this, by name, instead of holding the whole run until CI's own
 * limit ends it with nothing said (the slowest test takes about 100 s); and a file whose tests are
 * done exits even if something it started (a crawl a failed test left running) still holds it open.
 */
const testTimeoutMs = 600_000;

// The runner's summary lines ("ℹ pass 412") are picked out as they stream past: the failures it
// lists after them can be far longer than any fixed tail.
const summary = new Map();
function run(batch, concurrency) {
  return new Promise((resolve) => {
    const runner = spawn(process.execPath, ['--test', `--test-concurrency=${concurrency}`, `--test-timeout=${testTimeoutMs}`, '--test-force-exit', '--test-reporter=spec', ...batch], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let partialLine = '';
    runner.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (partialLine + chunk.toString()).split('\n');
      partialLine = lines.pop();
      for (const line of lines) {
        const m = /^ℹ (\w+) (\d+)/.exec(line);
        if (m) summary.set(m[1], (summary.get(m[1]) ?? 0) + Number(m[2]));
      }
    });
    runner.on('close', (code) => resolve(code));
  });
}

ensureServer('elasticsearch.sh', 'INDICIA_TEST_ES_URL');
ensureServer('kafka.sh', 'INDICIA_TEST_KAFKA');
ensureServer('tor-testnet.sh', 'INDICIA_TEST_TOR');
process.on('exit', stopServers);

process.stdout.write(`\n== tests: ${together.length} files, 2 at a time\n`);
const codes = [together.length > 0 ? await run(together, 2) : 0];
if (measuring.length > 0) {
  process.stdout.write(`\n== tests that measure time: ${measuring.length} files, alone\n`);
  codes.push(await run(measuring, 1));
}
const count = (label) => summary.get(label) ?? 0;
const passed = count('pass');
const failed = count('fail') + count('cancelled');
process.stdout.write(`\n${passed} passed, ${failed} failed${count('skipped') ? `, ${count('skipped')} skipped` : ''}\n`);
process.exit(codes.every((code) => code === 0) && passed > 0 ? 0 : 1);
