import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { adIdFor } from '@indicia/core';
import { groundTruth, registrationTruth, startTestbed, type RunningTestbed } from '@indicia/testbed';
import { runIndicia, tempDir } from './test-support/run-cli.js';
import { testbedPivotEnv } from './testbed-pivot.js';

const seed = 1;
const adCount = 120;
const corpus = fileURLToPath(new URL('../../../shared/corpora/whois-responses/', import.meta.url));

/**
 * The whole testbed crawled with the pivot stage on, pointed at the testbed's WHOIS, RDAP and DNS
 * servers: clusters over ads and registrations against the truth, and the pivot commands as a
 * user runs them.
 */
describe('pivots on a crawl of the testbed', () => {
  let testbed: RunningTestbed;
  const dir = tempDir('pivot-crawl');
  const truth = registrationTruth({ seed, ads: adCount, groundTruth: groundTruth({ seed, ads: adCount }) });
  let env: Record<string, string>;
  let refreshed: string;
  let crawl: { pivot: { domainsSeen: number; registrationsRecorded: number; dnsRecorded: number; failed: number }; index: { ads: number } };

  const indicia = async (args: string[]) => {
    const result = await runIndicia(args, { env, timeoutMs: 120_000 });
    assert.equal(result.code, 0, `indicia ${args.join(' ')} failed: ${result.stderr}`);
    return result;
  };

  before(async () => {
    testbed = await startTestbed({ seed, ads: adCount });
    env = testbedPivotEnv(testbed);
    // The crawl's pivot sees the registries as they were in mid-2023; a refresh afterwards sees them
    // now: the history then holds the email changes and sales the truth's clusters span.
    testbed.registry.setClock('2023-06-01T00:00:00.000Z');
    const result = await runIndicia(['crawl', ...testbed.seedUrls, '--proxy', testbed.proxyUrl, '--data', dir.path, '--max-pages', '3000', '--json'], { env, timeoutMs: 360_000 });
    assert.equal(result.code, 0, `crawl failed: ${result.stderr}`);
    crawl = JSON.parse(result.stdout);
    testbed.registry.setClock(null);
    const refresh = await runIndicia(['pivot', 'refresh', '--older-than', '0', '--data', dir.path], { env, timeoutMs: 120_000 });
    assert.equal(refresh.code, 0, `pivot refresh failed: ${refresh.stderr}`);
    refreshed = refresh.stdout;
  });
  after(async () => {
    await testbed.close();
    dir.remove();
  });

  it('looks up every domain seen once, through the testbed registries, and records the snapshots', () => {
    assert.ok(crawl.pivot.domainsSeen >= 10, `domains seen: ${crawl.pivot.domainsSeen}`);
    assert.equal(crawl.pivot.failed, 0);
    assert.equal(crawl.pivot.registrationsRecorded, crawl.pivot.domainsSeen);
    assert.equal(crawl.pivot.dnsRecorded, crawl.pivot.domainsSeen);
    assert.match(refreshed, new RegExp(`^${crawl.pivot.domainsSeen} domains in the history: ${crawl.pivot.domainsSeen} WHOIS/RDAP and ${crawl.pivot.domainsSeen} DNS snapshots recorded`));
  });

  it('recovers the truth clusters (ads joined by contacts and by registrants) with recall ≥ 0.95 and no false merges', async () => {
    const result = await indicia(['clusters', '--data', dir.path, '--json', '--limit', '100000']);
    const found = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string; ads: string[] });
    const clusterOfAd = new Map<string, string>();
    for (const cluster of found) for (const ad of cluster.ads) clusterOfAd.set(ad, cluster.id);
    // Pairwise recall: of the pairs of crawled ads the truth puts in one cluster, the share found
    // in one cluster (an ad whose contacts extraction missed splits off; that is the extractor's recall).
    let recovered = 0;
    let considered = 0;
    let pairs = 0;
    let pairsTogether = 0;
    const truthOfAd = new Map<string, string>();
    for (const cluster of truth.clusters) {
      const ads = cluster.adUrls.map((url) => adIdFor(url)).filter((id) => clusterOfAd.has(id));
      for (const ad of ads) truthOfAd.set(ad, cluster.id);
      if (ads.length === 0) continue;
      considered++;
      if (new Set(ads.map((ad) => clusterOfAd.get(ad))).size === 1) recovered++;
      for (let i = 0; i < ads.length; i++) for (let j = i + 1; j < ads.length; j++) {
        pairs++;
        if (clusterOfAd.get(ads[i]!) === clusterOfAd.get(ads[j]!)) pairsTogether++;
      }
    }
    const recall = pairsTogether / pairs;
    const mixed = found.filter((cluster) => new Set(cluster.ads.map((ad) => truthOfAd.get(ad))).size > 1);
    process.stdout.write(`# cluster recall (pairs) ${pairsTogether}/${pairs} = ${recall.toFixed(3)}; truth clusters found whole ${recovered}/${considered}; found clusters mixing truth clusters: ${mixed.length}/${found.length}\n`);
    assert.ok(considered >= 10, `truth clusters with crawled ads: ${considered}`);
    assert.ok(recall >= 0.95, `cluster recall ${recall.toFixed(3)}`);
    assert.deepEqual(mixed.map((c) => c.id), [], 'no found cluster joins two truth clusters');
    const multiOperator = truth.clusters.filter((c) => c.operators.length > 1 && c.adUrls.some((url) => clusterOfAd.has(adIdFor(url))));
    assert.ok(multiOperator.length > 0, 'some truth clusters are joined only through WHOIS registrants');
  });

  it('pivot reverse lists every domain of a shared registrant the crawl saw', async () => {
    const entry = truth.reverseWhois.find((candidate) => candidate.field === 'email' && new Set(candidate.holdings.filter((h) => h.validTo === null).map((h) => h.domain)).size > 1)!;
    const result = await indicia(['pivot', 'reverse', '--email', entry.value.toUpperCase(), '--data', dir.path, '--json']);
    const domains = result.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { domain: string }).domain).sort();
    const seen = await indicia(['pivot', 'reverse', '--email', entry.value, '--data', dir.path]);
    assert.match(seen.stdout, /domains? held that email/);
    assert.deepEqual(domains, [...new Set(entry.holdings.filter((h) => h.validTo === null).map((h) => h.domain))].sort());
  });

  it('draws the graph around a phone, and exports it as GEXF, STIX 2.1 and Maltego tables', async () => {
    const ringPhone = truth.registrants.find((registrant) => registrant.clusters.length > 0)!.phone;
    const json = JSON.parse((await indicia(['graph', '--seed', `phone:${ringPhone}`, '--depth', '2', '--data', dir.path])).stdout) as { nodes: Array<{ id: string; kind: string }>; edges: unknown[] };
    assert.ok(json.nodes.some((node) => node.kind === 'domain') && json.nodes.some((node) => node.kind === 'ad'), 'the phone leads to ads and to the domains its registrant holds');
    const gexf = (await indicia(['graph', '--seed', `phone:${ringPhone}`, '--format', 'gexf', '--data', dir.path])).stdout;
    assert.match(gexf, /^<\?xml[^>]*\?>\s*<gexf [^>]*version="1\.3"/);
    const stix = JSON.parse((await indicia(['export', '--format', 'stix', '--data', dir.path])).stdout) as { type: string; objects: Array<{ type: string; spec_version?: string }> };
    assert.equal(stix.type, 'bundle');
    assert.ok(stix.objects.some((o) => o.type === 'domain-name') && stix.objects.some((o) => o.type === 'relationship'));
    const out = join(dir.path, 'maltego');
    await indicia(['export', '--format', 'maltego', '--output', out, '--data', dir.path]);
    assert.ok(readdirSync(out).includes('entities.csv') && readdirSync(out).includes('links.csv'));
    assert.match(readFileSync(join(out, 'links.csv'), 'utf8').split('\r\n')[0]!, /Source Type.*Target Type/);
  });

  it('looks a domain up by WHOIS, RDAP and DNS from the command line', async () => {
    const website = truth.domains.find((domain) => domain.kind === 'operator-website' && domain.domain.endsWith('.example'))!;
    const whois = JSON.parse((await indicia(['whois', 'lookup', website.domain])).stdout) as { domain: string; registered: boolean };
    assert.deepEqual([whois.domain, whois.registered], [website.domain, true]);
    const testSite = truth.domains.find((domain) => domain.domain.endsWith('.test'))!;
    const rdap = JSON.parse((await indicia(['rdap', 'lookup', testSite.domain])).stdout) as { domain: string; nameservers: string[] };
    assert.deepEqual([rdap.domain, rdap.nameservers], [testSite.domain, testSite.dns.ns]);
    const dns = JSON.parse((await indicia(['dns', 'lookup', testSite.domain])).stdout) as { a: string[] };
    assert.deepEqual(dns.a, testSite.dns.a);
  });

  it('whois parse reads real responses: one as JSON, several as JSON Lines with an error line for a bad one', async () => {
    const registered = join(corpus, 'whois.nic.pw', 'pw', 'status_registered.txt');
    const one = JSON.parse((await indicia(['whois', 'parse', registered])).stdout) as { domain: string; registrant: { email: string } };
    assert.deepEqual([one.domain, one.registrant.email], ['google.pw', 'dns-admin@google.com']);
    const junk = join(dir.path, 'junk.txt');
    await import('node:fs').then((fs) => fs.writeFileSync(junk, '\u0000\u0001\u0002 binary'));
    const lines = (await indicia(['whois', 'parse', registered, junk])).stdout.trim().split('\n').map((line) => JSON.parse(line) as { file: string; error?: string; domain?: string });
    assert.deepEqual(lines.map((line) => [line.file, line.domain ?? null, typeof line.error]), [[registered, 'google.pw', 'undefined'], [junk, null, 'string']]);
  });
});
