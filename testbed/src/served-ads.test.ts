import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { escapeHtml } from './html.js';
import { groundTruth, startTestbed, type RunningTestbed } from './index.js';
import { contactsInPage, hrefsOf, visibleText } from './test-support/page-contacts.js';
import { ProxyClient } from './test-support/proxy-client.js';
import { readingsOfWrittenDigits } from './test-support/written-digits.js';

const seed = 3;
const ads = 340;

describe('ads as served through the proxy', () => {
  // The app's ads need a browser and the image site's OCR: spa-site and image-ads-site tests cover them.
  const all = groundTruth({ seed, ads });
  const truth = { ...all, ads: all.ads.filter((ad) => ad.requires === null) };
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

  it('shows every truth phone, email and handle on the ad page, and nothing else', async () => {
    for (const ad of truth.ads) {
      const page = await client.text(ad.url);
      assert.equal(page.status, 200, ad.url);
      const found = contactsInPage(page.body, ad.country);
      // A plain reader cannot read disguised forms, and may read a wrong number out of one.
      const disguised = ad.disguised.map((item) => item.written);
      const plain = (raw: string) => !disguised.some((written) => written.includes(raw));
      const hidden = new Set(ad.disguised.map((item) => item.value));
      assert.deepEqual(found.phones.filter((phone) => found.rawPhones.get(phone)!.some(plain)), ad.phones.filter((phone) => !hidden.has(phone)).sort(), `phones of ${ad.url}`);
      assert.deepEqual(found.emails, ad.emails.filter((email) => !hidden.has(email)).sort(), `emails of ${ad.url}`);
      assert.deepEqual(found.handles, ad.handles.map((h) => `${h.platform}:${h.value}`).sort(), `handles of ${ad.url}`);
    }
  });

  it('writes a quarter of the ads with a disguised phone or email that a reader can still decode', async () => {
    const disguisedAds = truth.ads.filter((ad) => ad.disguised.length > 0);
    assert.ok(disguisedAds.length > truth.ads.length * 0.15 && disguisedAds.length < truth.ads.length * 0.35, `${disguisedAds.length} disguised ads`);
    const styles = new Set(disguisedAds.flatMap((ad) => ad.disguised.map((item) => item.style)));
    assert.ok(styles.size >= 12, [...styles].join(' '));
    for (const ad of disguisedAds) {
      const text = visibleText((await client.text(ad.url)).body);
      for (const item of ad.disguised) {
        assert.ok(text.includes(item.written), `${ad.url}: ${item.style} not on the page`);
        if (item.type === 'phone') {
          assert.ok(!text.includes(item.value.slice(1)), `${ad.url}: ${item.value} also written plainly`);
          const national = parsePhoneNumberFromString(item.value)!.nationalNumber;
          assert.ok(readingsOfWrittenDigits(item.written).some((digits) => digits.endsWith(national)), `${ad.url}: ${item.written}`);
        }
      }
    }
  });

  it('writes some wallets and web addresses into the ads, as the truth lists them', async () => {
    const withWallet = truth.ads.filter((ad) => ad.crypto.length > 0);
    const withSite = truth.ads.filter((ad) => ad.domains.length > 0);
    assert.ok(withWallet.length > 10 && withSite.length > 10, `${withWallet.length} wallets, ${withSite.length} sites`);
    assert.ok(withSite.some((ad) => ad.urls.length === 0) && withSite.some((ad) => ad.urls.length > 0));
    for (const ad of [...withWallet.slice(0, 20), ...withSite.slice(0, 20)]) {
      const text = visibleText((await client.text(ad.url)).body);
      for (const wallet of ad.crypto) assert.ok(text.toLowerCase().includes(wallet.value.toLowerCase()), `${ad.url}: ${wallet.value}`);
      // Some ads shout their address (HTTPS://NAME.EXAMPLE/...): hosts are case-insensitive.
      for (const domain of ad.domains) assert.ok(text.toLowerCase().includes(domain) || /xn--/.test(domain), `${ad.url}: ${domain}`);
    }
  });

  it('gives each ad its title, language and the place it names', async () => {
    for (const ad of truth.ads.slice(0, 60)) {
      const { body } = await client.text(ad.url);
      const lang = /<html lang="([^"]+)">/.exec(body)?.[1] ?? '';
      assert.equal(lang.split('-')[0], ad.language, ad.url);
      assert.ok(body.includes(`<link rel="canonical" href="${ad.url}">`), ad.url);
      const heading = /<h1>([^<]*)<\/h1>/.exec(body)?.[1]?.replace(/&#39;/g, "'").replace(/&amp;/g, '&');
      assert.equal(heading, ad.title);
      if (ad.site === 'velvet-nights.test') assert.match(body, /<p class="location">Location: [^<]+, (United States|United Kingdom|Australia)<\/p>/);
      else assert.match(body, /<p class="destination">[^<]+: [^<]+, [^<]+<\/p>/);
      assert.match(body, /<time datetime="\d{4}-\d{2}-\d{2}">/);
    }
  });

  it('writes national-format numbers only on pages whose html lang or location gives their country', async () => {
    let national = 0;
    for (const ad of truth.ads) {
      const { body } = await client.text(ad.url);
      const text = visibleText(body);
      for (const found of findPhoneNumbersInText(text, ad.country as CountryCode)) {
        const raw = text.slice(found.startsAt, found.endsAt);
        if (raw.startsWith('+')) continue;
        // libphonenumber may read a piece of a disguised number ("491~570/567") as a national one.
        if (ad.disguised.some((item) => item.written.includes(raw))) continue;
        national++;
        assert.equal(found.number.country, ad.country, `${ad.url}: a national number of another country`);
        if (ad.site === 'abroad-jobs.test') assert.ok(body.includes(`<html lang="en-${ad.country}">`), `${ad.url} writes a national number`);
        else assert.match(body, /<p class="location">Location: /);
      }
    }
    assert.ok(national > 50, `${national} national-format numbers`);
  });

  it('repeats each ad\'s first number on the classifieds listing cards', async () => {
    const firstPage = await client.text('http://velvet-nights.test/ads?page=1');
    const cards = firstPage.body.split('<article class="card">').slice(1);
    assert.equal(cards.length, 20);
    const velvetAds = truth.ads.filter((ad) => ad.site === 'velvet-nights.test').slice(0, 20);
    cards.forEach((card, index) => {
      // A disguised first number is repeated disguised; the disguise test reads those.
      if (velvetAds[index]!.disguised.some((item) => card.includes(escapeHtml(item.written)))) return;
      const phones = findPhoneNumbersInText(visibleText(card), velvetAds[index]!.country as CountryCode).map((f) => f.number.number);
      assert.equal(phones.length, 1, card);
      assert.ok(velvetAds[index]!.phones.includes(phones[0]!));
    });
  });

  it('links ads from listings with junk that canonicalises away', async () => {
    const hrefs = hrefsOf((await client.text('http://velvet-nights.test/ads?page=2')).body).filter((href) => href.startsWith('/ads/'));
    assert.ok(hrefs.some((href) => href.includes('sessionid=')));
    assert.ok(hrefs.some((href) => href.includes('utm_source=')));
    assert.ok(hrefs.some((href) => href.includes('#contact')));
    assert.ok(hrefs.some((href) => /^\/ads\/\d+$/.test(href)));
    const junked = hrefs.find((href) => href.includes('sessionid='))!;
    const clean = await client.text(`http://velvet-nights.test${junked.replace(/#.*/, '')}`);
    assert.equal(clean.status, 200);
    assert.ok(clean.body.includes('<link rel="canonical" href="http://velvet-nights.test/ads/'));
  });

  it('lists job offers per language with the page language set', async () => {
    for (const lang of ['en', 'es', 'ro', 'ru', 'pl']) {
      const page = await client.text(`http://abroad-jobs.test/jobs?page=1&lang=${lang}`);
      assert.equal(page.status, 200);
      assert.ok(page.body.includes(`<html lang="${lang}">`));
      const offers = page.body.split('<article class="offer">').length - 1;
      assert.equal(offers, 20);
    }
    assert.equal((await client.text('http://abroad-jobs.test/jobs?lang=xx&page=1')).status, 404);
    assert.equal((await client.text('http://abroad-jobs.test/jobs?lang=es&page=99')).status, 404);
    assert.equal((await client.text('http://abroad-jobs.test/jobs/1-wrong-slug')).status, 404);
  });
});
