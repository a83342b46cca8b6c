import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { Script } from 'node:vm';
import { groundTruth, startTestbed, type RunningTestbed } from './index.js';
import type { SpaAdJson, SpaListingJson } from './spa-pages.js';
import { contactsInPage, hrefsOf } from './test-support/page-contacts.js';
import { ProxyClient } from './test-support/proxy-client.js';

const seed = 4;
const ads = 300;
const host = 'night-scroll.test';

describe('the single-page app (night-scroll.test)', () => {
  const truth = groundTruth({ seed, ads });
  const appAds = truth.ads.filter((ad) => ad.site === host);
  let testbed: RunningTestbed;
  let client: ProxyClient;
  before(async () => {
    testbed = await startTestbed({ seed, ads });
    client = new ProxyClient(testbed.proxyUrl);
  });
  after(async () => {
    client.close();
    await testbed.close();
  });

  it('serves the same shell for its home and every ad: an empty app root, a noscript notice, a script and no link', async () => {
    const home = await client.text(`http://${host}/`);
    assert.equal(home.status, 200);
    assert.match(String(home.headers['content-type']), /^text\/html/);
    assert.ok(home.body.includes('<div id="app"></div>'));
    assert.match(home.body, /<noscript>[^<]*<p>[^<]*enable JavaScript[^<]*<\/p><\/noscript>/);
    assert.ok(home.body.includes('<script src="/app.js"></script>'));
    assert.deepEqual(hrefsOf(home.body), []);
    for (const ad of appAds.slice(0, 5)) {
      const shell = await client.text(ad.url);
      assert.equal(shell.status, 200);
      assert.equal(shell.body, home.body, ad.url);
      assert.ok(!shell.body.includes(ad.title));
    }
    assert.equal((await client.get(`http://${host}/ad/${appAds.length + 1}`)).status, 404);
  });

  it('serves its script as JavaScript that parses, fetching the JSON API', async () => {
    const script = await client.text(`http://${host}/app.js`);
    assert.equal(script.status, 200);
    assert.match(String(script.headers['content-type']), /^text\/javascript/);
    assert.doesNotThrow(() => new Script(script.body, { filename: 'app.js' }));
    for (const piece of ['/api/listings?page=', '/api/ads/', 'data-src', 'loading', 'IntersectionObserver', 'scroll']) assert.ok(script.body.includes(piece), piece);
  });

  it('lists every ad of the truth, in order, page by page from the JSON API, with no page links', async () => {
    const listed: SpaListingJson['ads'] = [];
    let pages = 1;
    for (let page = 1; page <= pages; page++) {
      const response = await client.text(`http://${host}/api/listings?page=${page}`);
      assert.equal(response.status, 200);
      assert.match(String(response.headers['content-type']), /^application\/json/);
      const listing = JSON.parse(response.body) as SpaListingJson;
      assert.equal(listing.page, page);
      assert.equal(listing.total, appAds.length);
      pages = listing.pages;
      listed.push(...listing.ads);
    }
    assert.equal(pages, Math.ceil(appAds.length / 20));
    assert.deepEqual(listed.map((card) => `http://${host}${card.href}`), appAds.map((ad) => ad.url));
    assert.deepEqual(listed.map((card) => card.title), appAds.map((ad) => ad.title));
    assert.equal((await client.get(`http://${host}/api/listings?page=${pages + 1}`)).status, 404);
  });

  it('serves each ad as JSON holding exactly the truth\'s contacts and pictures', async () => {
    for (const ad of appAds) {
      const id = Number(/\/ad\/(\d+)$/.exec(ad.url)![1]);
      const response = await client.text(`http://${host}/api/ads/${id}`);
      assert.equal(response.status, 200);
      const json = JSON.parse(response.body) as SpaAdJson;
      assert.equal(json.url, ad.url);
      assert.equal(json.title, ad.title);
      // The page the app renders, as markup, read by the same independent reader as the other sites.
      const rendered = `<p class="location">Location: ${json.location}</p>${json.paragraphs.map((text) => `<p>${text}</p>`).join('')}${json.links.map((link) => `<a href="${link.href}">${link.text}</a>`).join('')}`;
      const found = contactsInPage(rendered, ad.country);
      const disguised = ad.disguised.map((item) => item.written);
      const hidden = new Set(ad.disguised.map((item) => item.value));
      const plain = (raw: string) => !disguised.some((written) => written.includes(raw));
      assert.deepEqual(found.phones.filter((phone) => found.rawPhones.get(phone)!.some(plain)), ad.phones.filter((phone) => !hidden.has(phone)).sort(), ad.url);
      assert.deepEqual(found.emails, ad.emails.filter((email) => !hidden.has(email)).sort(), ad.url);
      assert.deepEqual(json.pictures.map((picture) => `http://${host}${picture.src}`), ad.images.map((image) => image.url));
      assert.deepEqual(json.pictures.map((picture) => [picture.width, picture.height]), ad.images.map((image) => [image.width, image.height]));
    }
    assert.ok(appAds.some((ad) => ad.disguised.length > 0), 'some app ads disguise a contact');
    const missing = await client.text(`http://${host}/api/ads/${appAds.length + 1}`);
    assert.equal(missing.status, 404);
    assert.match(String(missing.headers['content-type']), /^application\/json/);
  });
});
