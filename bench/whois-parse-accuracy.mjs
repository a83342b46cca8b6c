#!/usr/bin/env node
// bench/whois-parse-accuracy: the free-text WHOIS parser (issue 6, Parser quality), after a build,
// from the repo root.
//
//   node bench/whois-parse-accuracy.mjs [--rounds 20]
//
// Parses every response of ../shared/corpora/whois-responses (real answers from ~95 WHOIS servers)
// and compares each with its `.expected` parse: accuracy per field (correct / asserted), as the
// corpus test prints it. Then parse speed: the whole corpus parsed --rounds times in one thread
// after a warm-up round, responses/s. Writes bench/results/whois-parse-accuracy.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parseWhois } from '../pivot/dist/whois-parser/index.js';
import { accuracyByField, accuracyTable, measureCorpusAccuracy } from '../pivot/dist/whois-parser/accuracy/corpus-accuracy.js';
import { loadCorpusCases, whoisCorpusRoot } from '../pivot/dist/whois-parser/accuracy/corpus-cases.js';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' } } });
const rounds = Number(values.rounds);

const cases = loadCorpusCases(whoisCorpusRoot(root));
const accuracy = measureCorpusAccuracy(cases, parseWhois);
console.log(accuracyTable(accuracy));

const parseAll = () => {
  for (const corpusCase of cases) {
    try {
      parseWhois(corpusCase.text, { server: corpusCase.server });
    } catch (error) {
      if (error?.name !== 'WhoisParseError') throw error;
    }
  }
};
parseAll();
const started = performance.now();
for (let round = 0; round < rounds; round += 1) parseAll();
const seconds = (performance.now() - started) / 1000;
const responsesPerSecond = Math.round((cases.length * rounds) / seconds);
const totalChars = cases.reduce((sum, corpusCase) => sum + corpusCase.text.length, 0);
console.log(`\nparse speed: ${responsesPerSecond} responses/s (${rounds} rounds of ${cases.length}, mean ${Math.round(totalChars / cases.length)} chars)`);

const result = {
  bench: 'whois-parse-accuracy',
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? null, totalMemoryBytes: totalmem(), loadavg: loadavg(), node: process.version },
  corpus: { responses: cases.length, withExpected: cases.filter((corpusCase) => corpusCase.expected !== null).length, meanChars: Math.round(totalChars / cases.length) },
  accuracy: accuracyByField(accuracy),
  parseErrors: accuracy.parseErrors,
  unexpectedErrors: accuracy.unexpectedErrors,
  speed: { rounds, seconds: Number(seconds.toFixed(3)), responsesPerSecond },
};
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'whois-parse-accuracy.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log('wrote bench/results/whois-parse-accuracy.json');
