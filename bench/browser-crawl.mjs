#!/usr/bin/env node
// bench/browser-crawl: the issue-4 browser figures, from a started testbed through its proxy, with a
// real Chromium.
//   1. The same pages (the classifieds site) crawled in mode 'http' and in mode 'browser', images
//      off, the same concurrency budget: pages/s of each and the ratio.
//   2. Memory over a 2,000-page browser crawl of the whole testbed: every second, the crawl process's
//      RSS and the summed PSS (and RSS) of its Chromium processes; start/peak/end and a linear trend
//      (MB per 100 pages) over the second half, which stays flat when browsers are recycled every
//      `pagesPerBrowser` pages.
// Each crawl runs in its own Node process (bench/browser-crawl-run.mjs), so its memory is not mixed
// with the testbed's. Writes bench/results/browser-crawl.json and prints a table.
//
//   npm run bench:browser-crawl [-- --concurrency 4 --max-pages 2000 --part both|compare|memory]
//
// Build first (npx tsc -b crawler testbed). Takes several minutes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { groundTruth, startTestbed } from '@indicia/testbed';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    part: { type: 'string', default: 'both' },
    seed: { type: 'string', default: '3' },
    'compare-ads': { type: 'string', default: '500' },
    'memory-ads': { type: 'string', default: '2500' },
    'max-pages': { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '4' },
    browsers: { type: 'string', default: '1' },
    'pages-per-browser': { type: 'string', default: '50' },
    'memory-images': { type: 'boolean', default: false },
    browser: { type: 'string', default: '/usr/bin/chromium' },
    // A loaded machine can take an hour for 2,000 browser pages: past this, the memory crawl is
    // stopped gracefully and the figures cover the pages reached (marked stoppedEarly).
    'memory-minutes': { type: 'string' },
  },
});
if (!['both', 'compare', 'memory'].includes(values.part)) throw new Error(`--part must be both, compare or memory, not ${values.part}`);
const seed = Number(values.seed);
const concurrency = Number(values.concurrency);
const browsers = Number(values.browsers);
if (concurrency % browsers !== 0) throw new Error('--concurrency must be a multiple of --browsers (pages at once = concurrency / browsers)');
const browserSettings = {
  browserExecutable: values.browser,
  browsers,
  pagesAtOncePerBrowser: concurrency / browsers,
  pagesPerBrowser: Number(values['pages-per-browser']),
};
const classifiedsHost = 'velvet-nights.test';
const work = mkdtempSync(join(tmpdir(), 'indicia-bench-browser-'));
const runner = join(root, 'bench/browser-crawl-run.mjs');
const mb = (kb) => Math.round(kb / 102.4) / 10;
const round = (x, digits = 2) => Number(x.toFixed(digits));

/** Every process whose parent chain leads to `ancestor` (not `ancestor` itself). */
function descendantsOf(ancestor) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProc(Number(name), 'stat');
    if (stat === null) continue;
    const parent = Number(statFields(stat)[1]);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(Number(name));
  }
  const found = [];
  const stack = [...(children.get(ancestor) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop();
    found.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** Fields of /proc/PID/stat after the command name (which may hold spaces and parentheses). */
function statFields(stat) {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** null when the process has ended meanwhile. */
function readProc(pid, file) {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT' || error.code === 'ESRCH') return null;
    throw error;
  }
}

/** Resident and proportional set size in kB; null when the process has ended meanwhile. */
function memoryOf(pid) {
  const status = readProc(pid, 'status');
  const rollup = readProc(pid, 'smaps_rollup');
  if (status === null || rollup === null) return null;
  const pss = /^Pss:\s+(\d+)/m.exec(rollup);
  // A process that is exiting has an empty rollup: it no longer holds memory worth counting.
  if (pss === null) return null;
  return { rssKb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0), pssKb: Number(pss[1]) };
}

/** Identity of a process that survives PID reuse: pid plus its start time in clock ticks. */
function processKey(pid) {
  const stat = readProc(pid, 'stat');
  return stat === null ? null : `${pid}:${statFields(stat)[19]}`;
}

/**
 * Runs one crawl in a child process. With `sampleMemory`, samples every second the child's RSS and
 * the summed PSS/RSS of its descendants (the Chromium processes), tagged with pages captured so far.
 * After the child ends, any descendant still alive is a left-behind browser: it is killed and counted,
 * and any Chromium profile directory it used that is still there is removed and counted.
 */
function runCrawl(settings, { sampleMemory, timeLimitMs = null }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [runner, JSON.stringify(settings)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const seenBrowserProcesses = new Set();
    const profileDirs = new Set();
    const samples = [];
    let captured = 0;
    let summary = null;
    let stderr = '';
    let buffered = '';
    let lastReported = 0;
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      let newline;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const message = JSON.parse(buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
        if (message.progress) captured = message.progress.captured;
        if (message.summary) summary = message.summary;
      }
      if (captured - lastReported >= 250) {
        lastReported = captured;
        process.stderr.write(`  ${settings.mode}: ${captured} pages, ${Math.round((performance.now() - started) / 1000)} s\n`);
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let stoppedEarly = false;
    const stopChild = () => child.kill('SIGTERM');
    process.once('SIGINT', stopChild);
    const deadline = timeLimitMs === null ? null : setTimeout(() => {
      stoppedEarly = true;
      process.stderr.write(`  ${settings.mode}: time limit reached at ${captured} pages, stopping the crawl\n`);
      stopChild();
    }, timeLimitMs);
    const sample = () => {
      const descendants = descendantsOf(child.pid);
      let browserPssKb = 0;
      let browserRssKb = 0;
      for (const pid of descendants) {
        const key = processKey(pid);
        if (key !== null) seenBrowserProcesses.add(key);
        const profileArg = (readProc(pid, 'cmdline') ?? '').split('\0').find((arg) => arg.startsWith('--user-data-dir='));
        if (profileArg) profileDirs.add(profileArg.slice('--user-data-dir='.length));
        const memory = memoryOf(pid);
        if (memory === null) continue;
        browserRssKb += memory.rssKb;
        browserPssKb += memory.pssKb;
      }
      const node = memoryOf(child.pid);
      if (node === null) return;
      samples.push({
        seconds: round((performance.now() - started) / 1000, 1),
        pages: captured,
        nodeRssMb: mb(node.rssKb),
        browserProcesses: descendants.length,
        browserPssMb: mb(browserPssKb),
        browserRssMb: mb(browserRssKb),
      });
    };
    const sampler = sampleMemory ? setInterval(sample, 1000) : null;
    child.on('close', async (code) => {
      if (sampler) clearInterval(sampler);
      if (deadline) clearTimeout(deadline);
      process.removeListener('SIGINT', stopChild);
      const seconds = (performance.now() - started) / 1000;
      const leftBehind = await killLeftBehind(seenBrowserProcesses);
      const profilesLeft = [...profileDirs].filter((dir) => existsSync(dir));
      for (const dir of profilesLeft) rmSync(dir, { recursive: true, force: true });
      if (code !== 0 || summary === null) reject(new Error(`crawl (${settings.mode}) exited ${code}\n${stderr}`));
      else resolve({ summary, stoppedEarly, wallSeconds: seconds, samples, browserProcessesSeen: seenBrowserProcesses.size, leftBehindKilled: leftBehind, profileDirsLeftRemoved: profilesLeft.length });
    });
  });
}

/** Kills (by pid) the browser processes of a finished crawl that still run; returns how many. */
async function killLeftBehind(processKeys) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  let killed = 0;
  for (const key of processKeys) {
    const pid = Number(key.split(':')[0]);
    if (processKey(pid) !== key) continue;
    process.kill(pid, 'SIGKILL');
    killed += 1;
  }
  return killed;
}

/** Least-squares slope of y over x. */
function slope(points) {
  const n = points.length;
  if (n < 2) return null;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  let numerator = 0;
  let denominator = 0;
  for (const [x, y] of points) {
    numerator += (x - meanX) * (y - meanY);
    denominator += (x - meanX) ** 2;
  }
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * Start/peak/end over the samples taken while a browser ran and pages were being captured (before
 * the first page the browser is not started yet; after the last, it is being closed), and the trend
 * over the second half of the pages reached.
 */
function memoryFigures(samples, pagesReached) {
  const series = {
    nodeRssMb: (s) => s.nodeRssMb,
    browserPssMb: (s) => s.browserPssMb,
    browserRssMb: (s) => s.browserRssMb,
    totalMb: (s) => round(s.nodeRssMb + s.browserPssMb, 1),
  };
  const crawling = samples.filter((s) => s.pages > 0 && s.pages < pagesReached && s.browserProcesses > 0);
  const secondHalf = crawling.filter((s) => s.pages >= pagesReached / 2);
  const figures = {};
  for (const [name, of] of Object.entries(series)) {
    const values = crawling.map(of);
    if (values.length === 0) continue;
    const perPage = slope(secondHalf.map((s) => [s.pages, of(s)]));
    figures[name] = {
      start: round(values[0], 1),
      peak: round(Math.max(...values), 1),
      end: round(values.at(-1), 1),
      secondHalfTrendMbPer100Pages: perPage === null ? null : round(perPage * 100, 2),
    };
  }
  return { samplesWhileCrawling: crawling.length, secondHalfSamples: secondHalf.length, secondHalfFromPage: Math.ceil(pagesReached / 2), ...figures };
}

function chromiumVersion(path) {
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return result.status === 0 ? result.stdout.trim() : `unknown (${path} --version exited ${result.status})`;
}

function crawlSettings(testbed, { mode, seeds, maxPages, images, dataDir }) {
  return {
    seeds, dataDir, proxyUrl: testbed.proxyUrl, mode, images, maxPages, maxDepth: 100_000,
    concurrency, perHostConcurrency: concurrency, ...browserSettings,
  };
}

function rate(run) {
  return run.summary.captured / run.summary.seconds;
}

async function comparePart() {
  const ads = Number(values['compare-ads']);
  const truth = groundTruth({ seed, ads });
  const expected = truth.pagesBySite[classifiedsHost].total;
  const testbed = await startTestbed({ seed, ads, logRequests: false });
  try {
    const seeds = testbed.seedUrls.filter((url) => new URL(url).hostname === classifiedsHost);
    const runs = {};
    for (const mode of ['http', 'browser']) {
      process.stderr.write(`compare: ${mode} crawl of ${classifiedsHost} (${expected} pages)\n`);
      const loadBefore = loadavg()[0];
      runs[mode] = await runCrawl(crawlSettings(testbed, { mode, seeds, maxPages: expected + 100, images: false, dataDir: join(work, `compare-${mode}`) }), { sampleMemory: false });
      runs[mode].loadBefore = loadBefore;
    }
    const samePages = runs.http.summary.urlsSha256 === runs.browser.summary.urlsSha256;
    const of = (run) => ({
      pages: run.summary.captured, failed: run.summary.failed, rendered: run.summary.rendered,
      crawlSeconds: round(run.summary.seconds), pagesPerSecond: round(rate(run)), processWallSeconds: round(run.wallSeconds),
      loadAverage1mBefore: round(run.loadBefore), browser: run.summary.browser, leftBehindKilled: run.leftBehindKilled,
      firstFailures: run.summary.firstFailures,
    });
    return {
      site: classifiedsHost, testbedAds: ads, expectedPages: expected, images: false,
      samePages, http: of(runs.http), browser: of(runs.browser),
      browserToHttpRatio: round(rate(runs.browser) / rate(runs.http), 4),
      httpToBrowserRatio: round(rate(runs.http) / rate(runs.browser), 1),
    };
  } finally {
    await testbed.close();
  }
}

async function memoryPart() {
  const ads = Number(values['memory-ads']);
  const maxPages = Number(values['max-pages']);
  const truth = groundTruth({ seed, ads });
  if (truth.browserPages < maxPages) throw new Error(`--memory-ads ${ads} gives ${truth.browserPages} pages, fewer than --max-pages ${maxPages}`);
  const testbed = await startTestbed({ seed, ads, logRequests: false });
  try {
    process.stderr.write(`memory: ${maxPages}-page browser crawl of the whole testbed (${ads} ads)\n`);
    const loadBefore = loadavg()[0];
    const run = await runCrawl(
      crawlSettings(testbed, { mode: 'browser', seeds: testbed.seedUrls, maxPages, images: values['memory-images'], dataDir: join(work, 'memory') }),
      { sampleMemory: true, timeLimitMs: values['memory-minutes'] === undefined ? null : Number(values['memory-minutes']) * 60_000 },
    );
    return {
      testbedAds: ads, maxPages, images: values['memory-images'], stoppedEarly: run.stoppedEarly,
      pages: run.summary.captured, failed: run.summary.failed, rendered: run.summary.rendered,
      crawlSeconds: round(run.summary.seconds), pagesPerSecond: round(rate(run)), loadAverage1mBefore: round(loadBefore), loadAverage1mAfter: round(loadavg()[0]),
      browser: run.summary.browser, browserProcessesSeen: run.browserProcessesSeen,
      leftBehindKilled: run.leftBehindKilled, profileDirsLeftRemoved: run.profileDirsLeftRemoved,
      memory: memoryFigures(run.samples, run.summary.captured),
      samples: run.samples,
    };
  } finally {
    await testbed.close();
  }
}

function printTable(result) {
  const rows = [];
  if (result.compare) {
    const { http, browser } = result.compare;
    rows.push(['compare', `http: ${http.pages} pages in ${http.crawlSeconds} s`, `${http.pagesPerSecond} pages/s`]);
    rows.push(['compare', `browser: ${browser.pages} pages in ${browser.crawlSeconds} s`, `${browser.pagesPerSecond} pages/s`]);
    rows.push(['compare', 'browser / http', `${result.compare.browserToHttpRatio} (same pages: ${result.compare.samePages})`]);
  }
  if (result.memory) {
    const memory = result.memory;
    rows.push(['memory', `browser: ${memory.pages} pages in ${memory.crawlSeconds} s${memory.stoppedEarly ? ' (stopped at the time limit)' : ''}`, `${memory.pagesPerSecond} pages/s`]);
    for (const name of ['nodeRssMb', 'browserPssMb', 'browserRssMb', 'totalMb']) {
      const f = memory.memory[name];
      if (f) rows.push(['memory', `${name} start/peak/end`, `${f.start} / ${f.peak} / ${f.end} MB; 2nd half ${f.secondHalfTrendMbPer100Pages} MB per 100 pages`]);
    }
    rows.push(['memory', 'browser processes left behind (killed)', String(memory.leftBehindKilled)]);
  }
  const width = Math.max(...rows.map((row) => row[1].length));
  for (const [part, what, figure] of rows) process.stdout.write(`${part.padEnd(8)} ${what.padEnd(width)}  ${figure}\n`);
}

try {
  const result = {
    bench: 'browser-crawl',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, browser: chromiumVersion(values.browser) },
    loadAverageAtStart: loadavg().map((x) => round(x)),
    settings: {
      seed, concurrency, perHostConcurrency: concurrency, ...browserSettings,
      note: 'same concurrency budget in both modes: `concurrency` HTTP fetches at once; in browser mode also browsers x pagesAtOncePerBrowser = concurrency pages rendering at once. Browser settle defaults (network idle 500 ms, up to 10 scrolls, full-page screenshot). Browser mode fetches each page over HTTP first, then renders it (as the crawler does).',
    },
    memorySumming: 'Node: RSS of the crawl process. Chromium: all descendants of the crawl process (browser, zygotes, renderers, utility), summed PSS from /proc/PID/smaps_rollup (shared pages split among the processes sharing them, so the sum does not count shared libraries and shared memory many times); summed RSS given too (over-counts sharing). total = Node RSS + Chromium PSS. Sampled every second; start/peak/end over the samples taken while pages were being captured; trend = least-squares slope of MB over pages captured, for the samples taken after half of the pages reached.',
    compare: values.part === 'memory' ? null : await comparePart(),
    memory: values.part === 'compare' ? null : await memoryPart(),
    loadAverageAtEnd: loadavg().map((x) => round(x)),
    note: 'one run on a shared 2-core machine with other work running (see load averages); the testbed runs in the bench process, each crawl in its own process.',
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/browser-crawl.json'), `${JSON.stringify(result, null, 2)}\n`);
  printTable(result);
} finally {
  rmSync(work, { recursive: true, force: true });
}
