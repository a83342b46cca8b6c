import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { onionGroundTruth, onionServiceKeyOf, startTestbed, type RunningTestbed } from '@indicia/testbed';
import { indexedAds, missingFromIndex, type CrawlSummary } from './test-support/onion-crawl-check.js';
import { OnionMirrorBackend } from './test-support/onion-mirror-backend.js';
import { waitUntilOnionAnswers } from './test-support/onion-reachable.js';
import { connectionCounts, leaksIn } from './test-support/packet-capture.js';
import { collect, tempDir } from './test-support/run-cli.js';
import { SealedNamespace } from './test-support/sealed-namespace.js';
import { TorControl } from './test-support/tor-control.js';
import { TorTestnet } from './test-support/tor-testnet.js';

const seed = 9;
const adCount = 12;
/**
 * Traps are left out (the crawler's own tests cover them; here they cost minutes), and so are the
 * onion → clear-web redirects (/go/): in the private network an exit cannot resolve the testbed's
 * .test names, so those requests would only wait out their timeout.
 */
const crawlFlags = ['--no-images', '--no-pivot', '--retries', '1', '--timeout', '30000', '--deny', '/trap/', '--deny', '/go/', '--json'];
const onionPacing = { INDICIA_ONION_PER_HOST_DELAY_MS: '0', INDICIA_ONION_REQUEST_TIMEOUT_MS: '30000' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The crawl log's line saying the proxy went down, once it is written (the run's log is the one file in logs/). */
function proxyDownLine(logsDir: string): { reason?: string } | undefined {
  if (!existsSync(logsDir)) return undefined;
  for (const file of readdirSync(logsDir)) {
    for (const line of readFileSync(join(logsDir, file), 'utf8').split('\n')) {
      if (line.includes('"proxy down: every fetch waits for it')) return JSON.parse(line) as { reason?: string };
    }
  }
  return undefined;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Issue 8 on a real Tor network: infra/tor-testnet.sh's authorities, relays and client, and an
 * onion service the test publishes (ADD_ONION) with the key of the testbed's onion mirror, so
 * under the mirror's own name. Every crawl runs in a network namespace whose only way out is the
 * Tor client's SOCKS port, with every packet captured, so the same runs show what the crawl found
 * and that nothing leaked.
 */
describe('crawling an onion service of the private Tor network', () => {
  let tor: TorTestnet;
  let testbed: RunningTestbed;
  let backend: OnionMirrorBackend;
  let control: TorControl;
  let onion: string;
  const truth = onionGroundTruth({ seed, ads: adCount });
  const mirror = truth.mirrors[0]!;
  const mirrorHost = mirror.onionHost;
  const servedByMirror = () => testbed.countRequests({ host: mirrorHost, via: 'socks' });

  before(async () => {
    SealedNamespace.requireTools();
    tor = TorTestnet.use();
    testbed = await startTestbed({ seed, ads: adCount });
    backend = await OnionMirrorBackend.start({ testbedSocksUrl: testbed.socksUrl, mirrorHost });
    control = await TorControl.connect(tor.info.onionControl);
    // Published with the mirror's own key: the real onion service has the testbed's name.
    onion = await control.addOnion(backend.target, `ED25519-V3:${onionServiceKeyOf(seed, mirror.clearHost)}`);
    assert.equal(onion, mirrorHost, 'the onion service Tor published is the testbed mirror under its own name');
    await waitUntilOnionAnswers(tor.info.socksUrl, onion, 120_000);
  });
  after(async () => {
    control?.close();
    await backend?.close();
    await testbed?.close();
    tor?.release();
  });

  for (const mode of ['http', 'browser'] as const) {
    it(`${mode} crawler through the Tor client: every ad and indicator of the truth, nothing on the wire but the SOCKS port`, async (t) => {
      const namespace = new SealedNamespace(tor.info.socksUrl);
      const dir = tempDir(`tor-${mode}`);
      try {
        await namespace.open();
        const started = Date.now();
        const crawl = await namespace.runIndicia(['crawl', `http://${onion}/`, '--proxy', namespace.insideProxyUrl, '--data', dir.path, '--mode', mode, ...crawlFlags], {
          env: onionPacing,
          timeoutMs: 300_000,
        });
        assert.equal(crawl.code, 0, crawl.stderr.slice(-3000));
        const summary = JSON.parse(crawl.stdout) as CrawlSummary;
        const report = await namespace.capture();
        const proxy = { address: '127.0.0.1', port: namespace.insidePort };
        const counts = connectionCounts(report, proxy);
        t.diagnostic(`${summary.pages.captured} pages in ${Date.now() - started} ms; ${counts.toProxy} connections to the SOCKS port, ${counts.other} to the crawl's own listeners, ${report.dnsQuestions.length} DNS questions`);
        assert.deepEqual(leaksIn(report, proxy, { allowOwnListeners: mode === 'browser' }).slice(0, 10), []);
        assert.ok(counts.toProxy > 0, 'the capture saw the crawl reach the SOCKS port');
        assert.deepEqual(missingFromIndex(truth.ads, await indexedAds(dir.path)).slice(0, 10), []);
      } finally {
        await namespace.close();
        dir.remove();
      }
    });
  }

  it('a Tor client killed mid-crawl: fetches meet proxy errors, none goes direct, and the crawl waits; restarted, the same run resumes and completes', async (t) => {
    const clientName = 'killtest';
    const clientUrl = tor.startClient(clientName, await freePort());
    const namespace = new SealedNamespace(clientUrl);
    const dir = tempDir('tor-kill');
    try {
      await namespace.open();
      await waitUntilOnionAnswers(clientUrl, onion, 120_000);
      const args = ['crawl', `http://${onion}/`, '--proxy', namespace.insideProxyUrl, '--data', dir.path, '--mode', 'http', '--proxy-wait', '240000', ...crawlFlags];
      // Paced, so the kill lands mid-crawl on a loaded machine too.
      const env = { ...onionPacing, INDICIA_ONION_PER_HOST_DELAY_MS: '250' };
      const servedBefore = servedByMirror();
      const crawl = namespace.spawnIndicia(args, env);
      const finished = collect(crawl, 420_000);
      const assertRunning = async (when: string) => {
        if (crawl.exitCode !== null) assert.fail(`the crawl ended ${when}: ${(await finished).stderr.slice(-2000)}`);
      };
      while (servedByMirror() - servedBefore < 8) {
        await assertRunning('before the Tor client could be killed');
        await sleep(50);
      }
      const killedAt = Date.now();
      process.kill(tor.clientPid(clientName), 'SIGKILL');
      const servedAtKill = servedByMirror();

      // The crawl met a proxy error, found the proxy gone, and waits: its log says so, with the error.
      const logs = join(dir.path, 'logs');
      let outage: { reason?: string } | undefined;
      while (!(outage = proxyDownLine(logs))) {
        await assertRunning('instead of waiting for the proxy');
        assert.ok(Date.now() - killedAt < 120_000, 'the crawl did not notice the proxy was gone within 2 min');
        await sleep(100);
      }
      assert.match(outage.reason ?? '', /proxy unreachable|SOCKS5 proxy/, 'the fetch failed with a proxy error');
      await sleep(3_000);
      await assertRunning('while the proxy was down');
      // What was already inside the circuit when it died is all that could still arrive.
      assert.ok(servedByMirror() - servedAtKill <= 2, `${servedByMirror() - servedAtKill} requests reached the mirror after the kill`);

      tor.startClient(clientName, Number(new URL(clientUrl).port));
      const result = await finished;
      assert.equal(result.code, 0, result.stderr.slice(-3000));
      const summary = JSON.parse(result.stdout) as CrawlSummary & { proxyOutages: { outages: number; downMs: number } | null };
      t.diagnostic(
        `killed after ${servedAtKill - servedBefore} pages; the crawl waited ${((summary.proxyOutages?.downMs ?? 0) / 1000).toFixed(1)} s for Tor, ` +
          `then finished: ${summary.pages.captured} pages captured, ${summary.pages.failed} failed`,
      );
      assert.ok(summary.proxyOutages && summary.proxyOutages.outages >= 1, JSON.stringify(summary.proxyOutages));
      assert.deepEqual(summary.failures.filter((failure) => /proxy|socks/i.test(failure.reason)).slice(0, 5), [], 'no page failed for the proxy');
      const report = await namespace.capture();
      assert.deepEqual(leaksIn(report, { address: '127.0.0.1', port: namespace.insidePort }, { allowOwnListeners: false }).slice(0, 10), []);
      assert.deepEqual(missingFromIndex(truth.ads, await indexedAds(dir.path)).slice(0, 10), []);
    } finally {
      tor.stopClient(clientName);
      await namespace.close();
      dir.remove();
    }
  });
});
