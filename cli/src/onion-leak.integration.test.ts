import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { onionGroundTruth, startTestbed, type RunningTestbed } from '@indicia/testbed';
import { indexedAds, missingFromIndex } from './test-support/onion-crawl-check.js';
import { connectionCounts, leaksIn } from './test-support/packet-capture.js';
import { tempDir } from './test-support/run-cli.js';
import { SealedNamespace } from './test-support/sealed-namespace.js';

const seed = 5;
const adCount = 12;
/**
 * Traps (a slow server, flaky 5xx) are the crawler's own tests' business; here they would only
 * add minutes. The onion → clear-web redirect (/go/) stays: it must go through the proxy too.
 */
const crawlFlags = ['--no-images', '--no-pivot', '--retries', '1', '--timeout', '10000', '--deny', '/trap/', '--json'];
const onionPacing = { INDICIA_ONION_PER_HOST_DELAY_MS: '0', INDICIA_ONION_REQUEST_TIMEOUT_MS: '10000' };

/**
 * The leak claim of issue 8, observed from outside the crawl process: the crawl runs in a network
 * namespace whose only way out is the testbed's SOCKS proxy, and every packet in that namespace is
 * captured. A DNS question, a UDP datagram or a TCP connection anywhere but the proxy port is a leak.
 */
describe('an onion crawl through SOCKS, captured from outside the crawler', () => {
  let testbed: RunningTestbed;
  const truth = onionGroundTruth({ seed, ads: adCount });

  before(async () => {
    SealedNamespace.requireTools();
    testbed = await startTestbed({ seed, ads: adCount });
  });
  after(async () => {
    await testbed?.close();
  });

  it('the capture sees a leak when there is one (a crawl without a proxy asks DNS)', async () => {
    const namespace = new SealedNamespace(testbed.socksUrl);
    const dir = tempDir('leak-control');
    try {
      await namespace.open();
      await namespace.runIndicia(['crawl', 'http://velvet-nights.test/', '--data', dir.path, '--mode', 'http', ...crawlFlags], { timeoutMs: 60_000 });
      const leaks = leaksIn(await namespace.capture(), { address: '127.0.0.1', port: namespace.insidePort }, { allowOwnListeners: false });
      assert.ok(
        leaks.some((leak) => leak.startsWith('DNS question') && leak.includes('velvet-nights.test')),
        `a direct crawl's DNS question was not seen: ${JSON.stringify(leaks)}`,
      );
    } finally {
      await namespace.close();
      dir.remove();
    }
  });

  for (const mode of ['http', 'browser'] as const) {
    it(`${mode} crawler: every ad of the onion mirror found, no DNS question, no connection but to the proxy`, async (t) => {
      const namespace = new SealedNamespace(testbed.socksUrl);
      const dir = tempDir(`leak-${mode}`);
      const directBefore = testbed.countRequests({ via: 'origin' }) + testbed.countRequests({ via: 'proxy' }) + testbed.countRequests({ via: 'connect' });
      const refusedBefore = testbed.socksControl.refusedLocalResolution();
      try {
        await namespace.open();
        const seedUrl = truth.mirrors[0]!.seedUrl;
        const crawl = await namespace.runIndicia(['crawl', seedUrl, '--proxy', namespace.insideProxyUrl, '--data', dir.path, '--mode', mode, ...crawlFlags], {
          env: onionPacing,
          timeoutMs: 240_000,
        });
        assert.equal(crawl.code, 0, crawl.stderr.slice(-3000));
        const report = await namespace.capture();
        const proxy = { address: '127.0.0.1', port: namespace.insidePort };
        const counts = connectionCounts(report, proxy);
        t.diagnostic(`${report.packets} packets, ${counts.toProxy} connections to the proxy, ${counts.other} to the crawl's own loopback listeners, ${report.dnsQuestions.length} DNS questions`);
        assert.deepEqual(leaksIn(report, proxy, { allowOwnListeners: mode === 'browser' }).slice(0, 10), []);
        assert.ok(counts.toProxy > 0, 'the capture saw the crawl reach the proxy');
        assert.equal(testbed.countRequests({ via: 'origin' }) + testbed.countRequests({ via: 'proxy' }) + testbed.countRequests({ via: 'connect' }), directBefore, 'requests that reached the testbed other than through SOCKS');
        assert.equal(testbed.socksControl.refusedLocalResolution(), refusedBefore, 'CONNECTs by address (names resolved by the crawler)');
        assert.deepEqual(missingFromIndex(truth.ads, await indexedAds(dir.path)).slice(0, 10), []);
      } finally {
        await namespace.close();
        dir.remove();
      }
    });
  }
});
