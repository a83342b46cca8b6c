import { strict as assert } from 'node:assert';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { adIdFor } from '@indicia/core';
import { groundTruth, startTestbed, type GroundTruthAd } from '@indicia/testbed';
import { runIndicia, spawnIndicia, tempDir } from '../test-support/run-cli.js';
import { testbedPivotEnv } from '../testbed-pivot.js';
import { csvHeader } from './export-csv.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const seed = 5;
const adCount = 40;
const adminPassword = 'serve test admin passphrase';

/** Starts `indicia serve --port 0` and reads the URL it prints. */
async function startServe(data: string): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawnIndicia(['serve', '--port', '0', '--data', data], { env: { INDICIA_ADMIN_PASSWORD: adminPassword } });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const found = /^console: (http:\/\/\S+)\/$/m.exec(stdout);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`indicia serve exited (${code}): ${stderr}`)));
  });
  assert.match(stdout, /^index: SQLite in .+: \d+ ads, \d+ indicators, \d+ sites$/m);
  return { child, url, stderr: () => stderr };
}

describe('indicia serve on a real crawl of the testbed: the API against the ground truth', () => {
  const dir = tempDir('serve');
  const data = join(dir.path, 'data');
  const truth = groundTruth({ seed, ads: adCount });
  const truthById = new Map(truth.ads.map((ad) => [adIdFor(ad.url), ad]));
  let serve: Awaited<ReturnType<typeof startServe>>;
  let cookie: string;
  let csrf: string;

  const get = async (path: string) => {
    const response = await fetch(`${serve.url}${path}`, { headers: { cookie } });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Json };
  };

  before(async () => {
    const testbed = await startTestbed({ seed, ads: adCount });
    try {
      // Listing pages as seeds and depth 1: ~30 pages, most of them ads; the pivot stage records the sites' registrations.
      const seeds = ['http://velvet-nights.test/ads?page=1', 'http://picture-board.test/ads?page=1'];
      const crawl = await runIndicia(['crawl', ...seeds, '--proxy', testbed.proxyUrl, '--data', data, '--max-pages', '30', '--max-depth', '1', '--json'], { env: testbedPivotEnv(testbed) });
      assert.equal(crawl.code, 0, crawl.stderr);
    } finally {
      await testbed.close();
    }
    serve = await startServe(data);
    assert.match(serve.stderr(), /created user admin \(admin\) with the password in INDICIA_ADMIN_PASSWORD/);
    const login = await fetch(`${serve.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: adminPassword }) });
    assert.equal(login.status, 200);
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  });
  after(async () => {
    if (serve && serve.child.exitCode === null) {
      serve.child.kill('SIGTERM');
      await once(serve.child, 'exit');
    }
    dir.remove();
  });

  /** The crawled ads (indexed, known to the truth) holding a phone, and the phone most of them share. */
  async function sharedPhone(): Promise<{ phone: string; holders: GroundTruthAd[] }> {
    const all = await get('/api/v1/search?site=velvet-nights.test&limit=100');
    const crawled = all.body.hits.map((hit: Json) => truthById.get(hit.adId)).filter(Boolean) as GroundTruthAd[];
    const counts = new Map<string, number>();
    for (const ad of crawled) for (const phone of ad.phones) counts.set(phone, (counts.get(phone) ?? 0) + 1);
    const phone = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    return { phone, holders: crawled.filter((ad) => ad.phones.includes(phone)) };
  }

  it('search: a phone typed in national format finds exactly the crawled text ads the truth says hold it', async () => {
    const { phone, holders } = await sharedPhone();
    const national = parsePhoneNumberFromString(phone)!.formatNational();
    const { status, body } = await get(`/api/v1/search?q=${encodeURIComponent(national)}&site=velvet-nights.test&limit=100`);
    assert.equal(status, 200);
    assert.deepEqual(body.readAs, [{ as: 'phone', value: phone }]);
    assert.deepEqual(body.hits.map((hit: Json) => hit.adId).sort(), holders.map((ad) => adIdFor(ad.url)).sort());
    assert.ok(body.facets.sites.length >= 1);
  });

  it('ad: the indexed ad, its captures with fetch metadata, and its captured HTML under the sandbox CSP', async () => {
    const { phone, holders } = await sharedPhone();
    const adId = adIdFor(holders[0]!.url);
    const { status, body } = await get(`/api/v1/ads/${adId}`);
    assert.equal(status, 200);
    assert.equal(body.title, holders[0]!.title);
    assert.ok(body.indicators.some((indicator: Json) => indicator.type === 'phone' && indicator.value === phone));
    assert.ok(body.captures.length >= 1);
    const capture = body.captures.find((c: Json) => c.captureId === body.latestCaptureId);
    assert.ok(capture, 'the latest capture is listed');
    assert.equal(capture.status, 200);
    assert.match(capture.sha256, /^[0-9a-f]{64}$/);
    assert.match(capture.proxy, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(capture.mode, 'http');
    assert.equal(capture.hasHtml, true);
    assert.match(capture.warcFile, /^warc\/.+\.warc\.gz$/, 'the WARC file holding the capture, from the custody log');
    const html = await fetch(`${serve.url}/api/v1/ads/${adId}/captures/${capture.captureId}/html`, { headers: { cookie } });
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-security-policy')!, /^sandbox; default-src 'none'; style-src 'unsafe-inline'/);
    assert.equal(html.headers.get('x-content-type-options'), 'nosniff');
    assert.match(html.headers.get('content-type')!, /^text\/html/);
    assert.match(await html.text(), /<html/i);
  });

  it('images: an OCR ad\'s picture is served by sha256 with its type from the magic bytes', async () => {
    const all = await get('/api/v1/search?site=picture-board.test&limit=100');
    const withImage = all.body.hits.find((hit: Json) => hit.thumbnails.length > 0);
    assert.ok(withImage, 'a picture-board ad has thumbnails');
    const image = await fetch(`${serve.url}/api/v1/images/${withImage.thumbnails[0].sha256}`, { headers: { cookie } });
    assert.equal(image.status, 200);
    assert.match(image.headers.get('content-type')!, /^image\/(png|jpeg|gif|webp)$/);
  });

  it('indicator, domain and graph pages for that phone and its site', async () => {
    const { phone, holders } = await sharedPhone();
    const indicator = await get(`/api/v1/indicators/phone/${encodeURIComponent(phone)}`);
    assert.equal(indicator.status, 200);
    assert.ok(indicator.body.ads >= holders.length);
    assert.ok(indicator.body.sites.some((site: Json) => site.site === 'velvet-nights.test'));
    assert.equal(indicator.body.timeline.reduce((sum: number, point: Json) => sum + point.ads, 0), indicator.body.ads);
    const domain = await get('/api/v1/domains/velvet-nights.test');
    assert.equal(domain.status, 200);
    assert.ok(domain.body.registrations.length >= 1, 'the pivot stage recorded the site\'s registration');
    assert.ok(domain.body.ads >= holders.length);
    const graph = await get(`/api/v1/graph?seed=phone:${encodeURIComponent(phone)}&depth=1`);
    assert.equal(graph.status, 200);
    const adNodes = graph.body.nodes.filter((node: Json) => node.type === 'ad').map((node: Json) => node.id);
    for (const ad of holders) assert.ok(adNodes.includes(`ad:${adIdFor(ad.url)}`), ad.url);
  });

  it('export: the CSV of a result set has the columns of `indicia export --format csv`, one row per ad', async () => {
    const { phone, holders } = await sharedPhone();
    const response = await fetch(`${serve.url}/api/v1/export?format=csv&q=${encodeURIComponent(phone)}&site=velvet-nights.test`, { headers: { cookie } });
    assert.equal(response.status, 200);
    const lines = (await response.text()).trim().split('\r\n');
    assert.equal(lines[0], csvHeader.map((name) => `"${name}"`).join(','));
    assert.equal(lines.length, holders.length + 1);
  });

  it('indicia users add, passwd, list and remove work beside the running server', async () => {
    const added = await runIndicia(['users', 'add', 'Maria', '--role', 'viewer', '--data', data]);
    assert.equal(added.code, 0, added.stderr);
    const password = /^password: (\S+)$/m.exec(added.stdout)?.[1];
    assert.ok(password, added.stdout);
    const logIn = (secret: string) =>
      fetch(`${serve.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'maria', password: secret }) });
    const login = await logIn(password);
    assert.equal(login.status, 200);
    assert.equal(((await login.json()) as Json).mustChangePassword, true, 'a generated password is one-time');
    const list = await runIndicia(['users', 'list', '--json', '--data', data]);
    assert.deepEqual((JSON.parse(list.stdout) as Json[]).map((user) => `${user.username}:${user.role}:${user.mustChangePassword}`), ['admin:admin:false', 'maria:viewer:true']);
    assert.match((await runIndicia(['users', 'list', '--data', data])).stdout, /^maria +viewer .*\(one-time password: not yet replaced\)$/m);

    // Forgotten: an admin resets it; the old password and the sessions made with it stop working.
    const mariaSession = login.headers.get('set-cookie')!.split(';')[0]!;
    const reset = await runIndicia(['users', 'passwd', 'maria', '--data', data]);
    assert.equal(reset.code, 0, reset.stderr);
    const fresh = /^password: (\S+)$/m.exec(reset.stdout)?.[1];
    assert.ok(fresh && fresh !== password, reset.stdout);
    assert.equal((await fetch(`${serve.url}/api/v1/me`, { headers: { cookie: mariaSession } })).status, 401, 'her sessions ended');
    assert.equal((await logIn(password)).status, 401);
    assert.equal((await logIn(fresh)).status, 200);
    const chosen = await runIndicia(['users', 'passwd', 'maria', '--password-stdin', '--data', data], { input: 'maria chose this one\n' });
    assert.equal(chosen.code, 0, chosen.stderr);
    assert.doesNotMatch(chosen.stdout, /password:/, 'a password given on stdin is not printed');
    assert.equal(((await (await logIn('maria chose this one')).json()) as Json).mustChangePassword, false);
    assert.equal((await runIndicia(['users', 'passwd', 'nobody', '--data', data])).code, 2);
    assert.equal((await runIndicia(['users', 'add', 'x', '--role', 'root', '--data', data])).code, 2);
    assert.equal((await runIndicia(['users', 'remove', 'admin', '--data', data])).code, 2, 'the only admin stays');
    assert.equal((await runIndicia(['users', 'remove', 'maria', '--data', data])).code, 0);
    const audit = await fetch(`${serve.url}/api/v1/audit?limit=500`, { headers: { cookie, 'x-csrf-token': csrf } });
    const actions = ((await audit.json()) as { entries: Json[] }).entries.map((entry) => `${entry.action}:${entry.target}`);
    assert.ok(actions.includes('user-add:maria') && actions.includes('password-reset:maria') && actions.includes('user-remove:maria'), actions.join(' '));
    assert.equal((await get('/api/v1/audit/verify')).body.ok, true);
  });

  it('indicia audit verify checks the chain and the anchors kept from before, and says how to keep one', async () => {
    const first = await runIndicia(['audit', 'verify', '--data', data]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^audit log intact: \d+ entries/m);
    const head = /^head: (\d+:[0-9a-f]{64})$/m.exec(first.stdout)?.[1];
    assert.ok(head, first.stdout);
    // The console goes on appending; the anchor stays in the chain.
    await get('/api/v1/audit/verify');
    const later = await runIndicia(['audit', 'verify', '--anchor', head, '--json', '--data', data]);
    assert.equal(later.code, 0, later.stderr);
    const result = JSON.parse(later.stdout) as Json;
    assert.equal(result.ok, true);
    assert.notEqual(result.head, head);
    assert.equal((await get(`/api/v1/audit/verify?anchor=${head}`)).body.ok, true);
    // An anchor this log never held: a longer log cut short, or another log altogether.
    const beyond = `${Number(head.split(':')[0]) + 1000}:${'a'.repeat(64)}`;
    const cut = await runIndicia(['audit', 'verify', '--anchor', beyond, '--data', data]);
    assert.equal(cut.code, 1);
    assert.match(cut.stderr, /AuditLogBrokenError: the audit log is broken at entry \d+: the log ends at entry \d+ but entry \d+ was anchored: the newest entries were removed/);
    assert.equal((await get(`/api/v1/audit/verify?anchor=${beyond}`)).body.ok, false);
    assert.equal((await get('/api/v1/audit/verify?anchor=12')).status, 400);
    assert.equal((await runIndicia(['audit', 'verify', '--anchor', 'latest', '--data', data])).code, 2);
    const empty = tempDir('no-console');
    assert.equal((await runIndicia(['audit', 'verify', '--data', empty.path])).code, 2, 'no console.sqlite there');
    empty.remove();
  });
});
