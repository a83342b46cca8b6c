import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { groundTruth, startTestbed, type RunningTestbed } from './index.js';
import { hrefsOf } from './test-support/page-contacts.js';
import { ProxyClient } from './test-support/proxy-client.js';

const hosts = ['velvet-nights.test', 'abroad-jobs.test'];
/** The image site has the traps too (it has no private archive); the app links nothing. */
const trapHosts = [...hosts, 'picture-board.test'];

describe('traps and bad input, on both sites', () => {
  let testbed: RunningTestbed;
  let client: ProxyClient;
  before(async () => {
    testbed = await startTestbed({ seed: 9, ads: 150 });
    client = new ProxyClient(testbed.proxyUrl);
  });
  after(async () => {
    client.close();
    await testbed.close();
  });

  it('serves robots.txt disallowing /private/, whose pages exist and are linked', async () => {
    const truth = groundTruth({ seed: 9, ads: 150 });
    for (const host of hosts) {
      const robots = await client.text(`http://${host}/robots.txt`);
      assert.equal(robots.status, 200);
      assert.match(String(robots.headers['content-type']), /^text\/plain/);
      assert.match(robots.body, /^User-agent: \*\nDisallow: \/private\/\n/);
      const home = await client.text(`http://${host}/`);
      assert.ok(hrefsOf(home.body).includes('/private/archive'));
      const archive = await client.text(`http://${host}/private/archive`);
      assert.equal(archive.status, 200);
      const privateAds = hrefsOf(archive.body).filter((href) => href.startsWith('/private/'));
      assert.ok(privateAds.length >= 1);
      for (const href of privateAds) {
        assert.ok(truth.robotsBlockedUrls.includes(`http://${host}${href}`), href);
        const page = await client.text(`http://${host}${href}`);
        assert.equal(page.status, 200);
        assert.match(page.body, /tel:|Telefon|Phone|Телефон|Teléfono|Email|wa\.me/);
      }
    }
  });

  it('serves malformed HTML with a NUL byte that still links on', async () => {
    for (const host of hosts) {
      const page = await client.get(`http://${host}/trap/malformed`);
      assert.equal(page.status, 200);
      assert.ok(page.body.includes(0), 'NUL byte');
      const html = page.body.toString('utf8');
      assert.ok(!html.includes('</html>'));
      const links = hrefsOf(html);
      assert.ok(links.includes('/about') && links.includes('/terms'), links.join(' '));
      for (const link of links) assert.equal((await client.get(new URL(link, `http://${host}/`).toString())).status, 200, link);
    }
  });

  it('streams a page of more than 12 MB', async () => {
    const page = await client.get('http://velvet-nights.test/trap/huge');
    assert.equal(page.status, 200);
    assert.ok(page.body.length > 12 * 1024 * 1024, `${page.body.length} bytes`);
    assert.match(page.body.subarray(page.body.length - 20).toString(), /<\/html>\n$/);
    const cut = await client.get('http://abroad-jobs.test/trap/huge', { maxBytes: 100_000 });
    assert.ok(cut.truncated);
    assert.equal((await client.get('http://abroad-jobs.test/about')).status, 200, 'the testbed carries on after a cut download');
  });

  it('serves a PDF and a real PNG', async () => {
    const pdf = await client.get('http://velvet-nights.test/files/brochure.pdf');
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.body.subarray(0, 5).toString(), '%PDF-');
    assert.match(pdf.body.toString('latin1'), /%%EOF\n$/);
    const png = await client.get('http://abroad-jobs.test/img/banner.png');
    assert.equal(png.headers['content-type'], 'image/png');
    assert.deepEqual([...png.body.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(png.body.subarray(12, 16).toString(), 'IHDR');
    assert.equal(png.body.readUInt32BE(16), 96);
  });

  it('answers a linked dead link with 404 and /trap/error with 500, always', async () => {
    const velvetHome = hrefsOf((await client.text('http://velvet-nights.test/')).body);
    const jobsHome = hrefsOf((await client.text('http://abroad-jobs.test/')).body);
    assert.equal((await client.get('http://velvet-nights.test/ads/0')).status, 404);
    assert.ok(velvetHome.includes('/ads/0'));
    assert.equal((await client.get('http://abroad-jobs.test/jobs/0-expired-offer')).status, 404);
    assert.ok(jobsHome.includes('/jobs/0-expired-offer'));
    for (let i = 0; i < 3; i++) assert.equal((await client.get('http://velvet-nights.test/trap/error')).status, 500);
  });

  it('fails /trap/flaky twice per host with 503, then serves it', async () => {
    for (const host of trapHosts) {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await client.get(`http://${host}/trap/flaky`)).status);
      assert.deepEqual(statuses, [503, 503, 200, 200], host);
    }
  });

  it('redirects /go/<id> to the ad and loops /trap/loop-a and /trap/loop-b', async () => {
    const go = await client.get('http://velvet-nights.test/go/7');
    assert.equal(go.status, 302);
    assert.equal(go.headers.location, 'http://velvet-nights.test/ads/7');
    const jobGo = await client.get('http://abroad-jobs.test/go/1');
    assert.equal(jobGo.status, 302);
    assert.match(String(jobGo.headers.location), /^http:\/\/abroad-jobs\.test\/jobs\/1-[a-z-]+$/);
    assert.equal((await client.get(String(jobGo.headers.location))).status, 200);
    assert.equal((await client.get('http://velvet-nights.test/go/999999')).status, 404);
    const a = await client.get('http://abroad-jobs.test/trap/loop-a');
    const b = await client.get('http://abroad-jobs.test/trap/loop-b');
    assert.deepEqual([a.status, a.headers.location, b.status, b.headers.location], [302, '/trap/loop-b', 302, '/trap/loop-a']);
  });

  it('links every trap from the home page of every server-rendered site', async () => {
    for (const host of trapHosts) {
      const links = hrefsOf((await client.text(`http://${host}/`)).body);
      for (const trap of ['/trap/malformed', '/trap/huge', '/files/brochure.pdf', '/img/banner.png', '/trap/error', '/trap/flaky', '/trap/loop-a', '/go/1']) {
        assert.ok(links.includes(trap), `${host} links ${trap}`);
      }
    }
  });
});
