#!/usr/bin/env node
// `npm test`: type-check and build every workspace, lint, then run every workspace's tests
// (node:test, compiled to dist/) in one runner, ending with one "N passed, N failed" line.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
const workspaces = ['core', 'testbed', 'crawler', 'extractor', 'indexer', 'cli'];

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
step('lint', 'npx', ['eslint', '--max-warnings=0', ...workspaces.map((w) => `${w}/src`)]);

const only = process.argv.slice(2);
const files = workspaces
  .filter((w) => only.length === 0 || only.includes(w))
  .flatMap((w) => testFiles(join(root, w, 'dist')))
  .sort();
if (files.length === 0) {
  process.stdout.write('no test files found\n0 passed, 1 failed\n');
  process.exit(1);
}
process.stdout.write(`\n== tests: ${files.length} files\n`);
const runner = spawn(process.execPath, ['--test', '--test-concurrency=2', '--test-reporter=spec', ...files], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
// The runner's summary lines ("ℹ pass 412") are picked out as they stream past: the failures it
// lists after them can be far longer than any fixed tail.
const summary = new Map();
let partialLine = '';
runner.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const lines = (partialLine + chunk.toString()).split('\n');
  partialLine = lines.pop();
  for (const line of lines) {
    const m = /^ℹ (\w+) (\d+)/.exec(line);
    if (m) summary.set(m[1], Number(m[2]));
  }
});
runner.on('close', (code) => {
  const count = (label) => summary.get(label) ?? 0;
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  process.stdout.write(`\n${passed} passed, ${failed} failed${count('skipped') ? `, ${count('skipped')} skipped` : ''}\n`);
  process.exit(code === 0 && passed > 0 ? 0 : 1);
});
