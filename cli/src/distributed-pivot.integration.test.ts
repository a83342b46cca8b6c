import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { pipelineLag, KafkaTransport } from '@indicia/bus';
import { silentLogger, type Envelope } from '@indicia/core';
import { ElasticsearchIndexStore, type ExportedAd, type RegistrationSnapshot } from '@indicia/indexer';
import { registrationTruth, startTestbed, type RunningTestbed } from '@indicia/testbed';
import { DistributedRun, testServers } from './test-support/distributed-run.js';
import { collect, runIndicia, spawnIndicia, tempDir, type CliResult } from './test-support/run-cli.js';
import { testbedPivotEnv } from './testbed-pivot.js';

/** Seed and size whose plain-HTML sites show nine registered domains, three held by one registrant. */
const seed = 12;
const adCount = 40;
/** Plain HTML sites only, without their pictures: no browser, no OCR, so the run stays short. */
const crawlArgs = ['--mode', 'http', '--no-images', '--max-pages', '2000', '--per-host-concurrency', '8', '--retries', '2'];

interface PivotWorker {
  stop(signal: NodeJS.Signals): Promise<CliResult>;
}

/**
 * Distributed mode with the pivot stage: a crawl of two testbed sites through Kafka, two
 * `indicia worker pivot` processes asking the testbed's WHOIS/RDAP/DNS servers, and the index worker
 * writing the snapshots to Elasticsearch; then the pivot commands against --es.
 */
describe('distributed pivots: pivot workers on Kafka, the WHOIS history in Elasticsearch', () => {
  let testbed: RunningTestbed;
  let run: DistributedRun;
  let store: ElasticsearchIndexStore;
  let pivotEnv: Record<string, string>;
  let ads: ExportedAd[];
  let shownDomains: string[];
  const pivotWorkers = new Set<PivotWorker>();
  const truth = registrationTruth({ seed, ads: adCount });
  const exportDir = tempDir('distributed-pivot-export');

  const startPivotWorker = (extraArgs: string[] = []): PivotWorker => {
    const child = spawnIndicia(['worker', 'pivot', '--kafka', testServers.kafka, '--es', testServers.es, ...extraArgs], { env: pivotEnv });
    const result = collect(child, 10 * 60_000);
    const worker: PivotWorker = {
      async stop(signal) {
        child.kill(signal);
        pivotWorkers.delete(worker);
        return result;
      },
    };
    pivotWorkers.add(worker);
    return worker;
  };

  /** Resolves once `members` pivot workers have joined the domain.seen group (so no rebalance moves a domain mid-run). */
  const pivotGroupHas = async (members: number) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const lags = await pipelineLag({ brokers: [testServers.kafka], topicPrefix: run.topicPrefix }).catch(() => []);
      if (lags.some((lag) => lag.group === 'pivot' && lag.type === 'domain.seen' && lag.members === members)) return;
      if (Date.now() > deadline) throw new Error(`the pivot group did not reach ${members} members: ${JSON.stringify(lags)}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  };

  const snapshotsByDomain = async (): Promise<Map<string, { registrations: RegistrationSnapshot[]; dns: number }>> => {
    const byDomain = new Map<string, { registrations: RegistrationSnapshot[]; dns: number }>();
    const entry = (domain: string) => byDomain.get(domain) ?? byDomain.set(domain, { registrations: [], dns: 0 }).get(domain)!;
    for await (const snapshot of store.registrations.allRegistrations()) entry(snapshot.domain).registrations.push(snapshot);
    for await (const snapshot of store.registrations.allDns()) entry(snapshot.domain).dns++;
    return byDomain;
  };

  before(async () => {
    testbed = await startTestbed({ seed, ads: adCount });
    run = new DistributedRun({ proxyUrl: testbed.proxyUrl, crawlArgs });
    pivotEnv = { ...run.env, ...testbedPivotEnv(testbed) };
    store = await ElasticsearchIndexStore.open({ node: testServers.es, indexPrefix: run.esPrefix, log: silentLogger() });
    startPivotWorker();
    startPivotWorker();
    run.startAll();
    await pivotGroupHas(2);
    await run.submit(testbed.sites.filter((site) => site.requires === null).map((site) => site.seedUrl));
    await run.waitUntilIdle({ timeoutMs: 120_000 });
    ads = await run.exportAds();
    shownDomains = domainsShownBy(ads, truth.domains.map((domain) => domain.domain));
  });
  after(async () => {
    await Promise.all([...pivotWorkers].map((worker) => worker.stop('SIGKILL')));
    await store?.close();
    await run?.close();
    await testbed?.close();
    exportDir.remove();
  });

  it('records one registration and one DNS snapshot of each registrable domain the ads showed, under a deterministic id', async () => {
    assert.ok(ads.length >= 10, `ads indexed: ${ads.length}`);
    assert.ok(shownDomains.length >= 5, `registrable domains the ads show: ${shownDomains.join(', ')}`);
    const history = await snapshotsByDomain();
    const wrong = shownDomains.filter((domain) => history.get(domain)?.registrations.length !== 1 || history.get(domain)?.dns !== 1);
    assert.deepEqual(wrong.map((domain) => ({ domain, registrations: history.get(domain)?.registrations.length ?? 0, dns: history.get(domain)?.dns ?? 0 })), [], 'one snapshot of each part per domain, though two workers share the domains and many pages name each');
    for (const domain of shownDomains) assert.equal(history.get(domain)!.registrations[0]!.record.registered, true, `${domain} is registered in the testbed's registry`);
    // The history holds nothing the ads did not show (the sites' own domains are shown by every ad URL).
    assert.deepEqual([...history.keys()].filter((domain) => !shownDomains.includes(domain)), []);

    // Deterministic ids: each Elasticsearch document's _id is its snapshot's id, which a redelivery repeats.
    const response = await fetch(`${testServers.es}/${run.esPrefix}-registrations/_search?size=1000`);
    const hits = ((await response.json()) as { hits: { hits: Array<{ _id: string; _source: { id: string } }> } }).hits.hits;
    assert.equal(hits.length, shownDomains.length);
    assert.deepEqual(hits.filter((hit) => hit._id !== hit._source.id), []);
    // Only the testbed's trap pages (HTTP 500, redirect loops) fail for good; no pivot or index message does.
    assert.deepEqual((await run.deadLetters()).filter((dead) => dead.type !== 'crawl.requested'), []);
  });

  it('stores a redelivered whois.recorded once', async () => {
    const before = await store.registrations.registrationSummary();
    const [snapshot] = await store.registrations.registrationHistory(shownDomains[0]!);
    const { id, ...payload } = snapshot!;
    // The message as the pivot worker published it again: same id, same payload (Kafka delivers at least once).
    const again: Envelope<'whois.recorded'> = { id, type: 'whois.recorded', runId: 'redelivery', traceId: id, parentIds: [], producer: 'pivot', createdAt: new Date().toISOString(), payload };
    const transport = await KafkaTransport.connect({ brokers: [testServers.kafka], topicPrefix: run.topicPrefix, log: silentLogger() });
    try {
      await transport.publish(again);
      await transport.publish(again);
    } finally {
      await transport.close();
    }
    const lags = await run.waitUntilIdle({ timeoutMs: 60_000, quietMs: 1500 });
    const indexed = lags.find((lag) => lag.type === 'whois.recorded' && lag.group === 'index')!;
    assert.equal(indexed.produced, shownDomains.length + 2, 'the index worker consumed both copies');
    assert.deepEqual(await store.registrations.registrationSummary(), before);
    assert.equal((await store.registrations.registrationHistory(shownDomains[0]!)).length, 1);
  });

  it('pivot reverse --es finds the domains a shared registrant holds, as the registration truth says', async () => {
    const now = new Date().toISOString();
    const currentDomains = (entry: (typeof truth.reverseWhois)[number]) =>
      [...new Set(entry.holdings.filter((h) => h.validFrom <= now && h.validTo === null).map((h) => h.domain))].filter((domain) => shownDomains.includes(domain)).sort();
    const entry = truth.reverseWhois.find((candidate) => candidate.field === 'email' && currentDomains(candidate).length > 1);
    assert.ok(entry, 'the crawl saw two domains of one registrant');
    const result = await runIndicia(['pivot', 'reverse', '--email', entry.value.toUpperCase(), '--es', testServers.es, '--json'], { env: run.env });
    assert.equal(result.code, 0, result.stderr);
    const found = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { domain: string; current: boolean });
    assert.deepEqual(found.map((match) => match.domain).sort(), currentDomains(entry));
    assert.ok(found.every((match) => match.current));
  });

  it('draws the graph and clusters and exports STIX and Maltego from Elasticsearch', async () => {
    const withRegistrant = truth.domains.find((domain) => shownDomains.includes(domain.domain) && domain.history.at(-1)!.registrantId !== null)!;
    const esArgs = ['--es', testServers.es];
    const cli = async (args: string[]) => {
      const result = await runIndicia([...args, ...esArgs], { env: run.env });
      assert.equal(result.code, 0, `indicia ${args.join(' ')}: ${result.stderr}`);
      return result.stdout;
    };
    const [graph, clusters, stix] = await Promise.all([
      cli(['graph', '--seed', `domain:${withRegistrant.domain}`, '--depth', '1']),
      cli(['clusters', '--json', '--limit', '1000']),
      cli(['export', '--format', 'stix']),
      cli(['export', '--format', 'maltego', '--output', exportDir.path]),
    ]);
    const nodes = (JSON.parse(graph) as { nodes: Array<{ kind: string }> }).nodes.map((node) => node.kind);
    assert.ok(nodes.includes('domain') && nodes.some((kind) => kind.startsWith('registrant')), `the domain leads to its registrant: ${[...new Set(nodes)].join(', ')}`);
    const clustered = clusters.trim().split('\n').map((line) => JSON.parse(line) as { ads: string[]; domains: string[] });
    assert.equal(clustered.reduce((sum, cluster) => sum + cluster.ads.length, 0), ads.length, 'every ad is in one cluster');
    assert.ok(clustered.some((cluster) => cluster.domains.length > 0), 'clusters carry the registered domains');
    const bundle = JSON.parse(stix) as { type: string; objects: Array<{ type: string }> };
    assert.equal(bundle.type, 'bundle');
    assert.ok(bundle.objects.some((object) => object.type === 'domain-name'));
    const tables = readdirSync(exportDir.path);
    assert.ok(tables.includes('entities.csv') && tables.includes('links.csv'), `Maltego tables: ${tables.join(', ')}`);
  });

  it('pivot refresh adds a snapshot of every domain: here with --es, then through the pivot workers with --kafka', async () => {
    const refresh = await runIndicia(['pivot', 'refresh', '--older-than', '0', '--es', testServers.es], { env: pivotEnv });
    assert.equal(refresh.code, 0, refresh.stderr);
    const domains = shownDomains.length;
    assert.match(refresh.stdout, new RegExp(`^${domains} domains in the history: ${domains} WHOIS/RDAP and ${domains} DNS snapshots recorded`));
    const counts = async () => [...(await snapshotsByDomain()).values()].map((entry) => [entry.registrations.length, entry.dns]);
    assert.deepEqual(await counts(), shownDomains.map(() => [2, 2]));

    // Workers whose refresh interval the last snapshots are past: the refresh's domains are due for them.
    const stopped = await Promise.all([...pivotWorkers].map((worker) => worker.stop('SIGTERM')));
    for (const ended of stopped) {
      // Says at start what its lookups will do: the crawl's settings, here the testbed's registries.
      assert.match(ended.stderr, /^worker pivot: pivot: enabled; each domain looked at again after 1w$/m);
      assert.match(ended.stderr, /^worker pivot: {3}registration: RDAP \(overrides for test, /m);
      assert.match(ended.stderr, /worker pivot: stopped/);
    }
    // The two workers shared the crawl's domains: each looked some up, and together each domain once.
    const lookedUp = stopped.map((ended) => Number([...ended.stderr.matchAll(/lookups done (\d+) WHOIS\/RDAP/g)].at(-1)?.[1] ?? -1));
    assert.ok(lookedUp.every((count) => count > 0), `registration lookups per worker: ${lookedUp.join(', ')}`);
    assert.equal(lookedUp[0]! + lookedUp[1]!, domains);
    // A worker with the default interval (7 days): the refresh's --older-than decides, not the worker's interval.
    startPivotWorker([]);
    await pivotGroupHas(1);
    const handOver = async (olderThan: string) => {
      const result = await runIndicia(['pivot', 'refresh', '--es', testServers.es, '--kafka', testServers.kafka, '--older-than', olderThan], { env: run.env });
      assert.equal(result.code, 0, result.stderr);
      return result.stdout;
    };
    assert.match(await handOver('1h'), new RegExp(`^${domains} domains in the history; 0 last looked at 1h ago or more handed to the pivot workers`), 'every domain was looked at within the hour');
    assert.match(await handOver('0'), new RegExp(`^${domains} domains in the history; ${domains} \\(all\\) handed to the pivot workers as run \\S+ \\(topic ${run.topicPrefix}\\.domain\\.seen\\)`));
    await run.waitUntilIdle({ timeoutMs: 60_000, quietMs: 1500 });
    assert.deepEqual(await counts(), shownDomains.map(() => [3, 3]));
  });
});

/**
 * The registrable domains of the ads' own URLs, web addresses and email addresses, as the registry
 * knows them: a host is under the world's domain it equals or ends with.
 */
function domainsShownBy(ads: ExportedAd[], worldDomains: string[]): string[] {
  const hosts = new Set<string>();
  for (const ad of ads) {
    hosts.add(new URL(ad.url).hostname);
    for (const indicator of ad.indicators) {
      if (indicator.type === 'domain') hosts.add(indicator.value.toLowerCase());
      if (indicator.type === 'email') hosts.add(indicator.value.slice(indicator.value.lastIndexOf('@') + 1).toLowerCase());
    }
  }
  const shown = new Set<string>();
  for (const host of hosts) {
    const domain = worldDomains.find((candidate) => host === candidate || host.endsWith(`.${candidate}`));
    if (domain !== undefined) shown.add(domain);
  }
  return [...shown].sort();
}
