import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { exfiltrationOrigin, groundTruth, hostileAds, pwnedCounter, type GroundTruthAd } from '@indicia/testbed';
import { launchChromium, PageWatch } from './test-support/console-browser.js';
import { startConsoleFixture, type ConsoleFixture } from './test-support/console-fixture.js';

/**
 * The console's web UI in real Chromium over a crawled testbed: log in, search a phone written
 * differently from the ad, follow it to the ad, its indicator, a domain and the graph, export; and
 * show every hostile ad (script tags, handlers, javascript: URLs, mXSS, CSS exfiltration, pixels)
 * with 0 script executions and 0 requests leaving the console's origin.
 */
const seed = 11;
const adCount = 24;
const password = 'console-ui-test-passphrase';
const truth = groundTruth({ seed, ads: adCount });
const crawledSites = new Set(['velvet-nights.test', 'night-scroll.test']);

/** Other ways to write a number than the ad's own: the search box must read each as the same phone. */
function otherFormats(e164: string): string[] {
  const digits = e164.slice(1);
  if (e164.startsWith('+1')) {
    const [area, exchange, line] = [digits.slice(1, 4), digits.slice(4, 7), digits.slice(7)];
    return [`(${area}) ${exchange}-${line}`, `+1 ${area} ${exchange} ${line}`, `${area}.${exchange}.${line}`, `1-${area}-${exchange}-${line}`];
  }
  return [`+${digits.slice(0, 2)} ${digits.slice(2, 6)} ${digits.slice(6)}`, `00${digits}`, e164];
}

describe('the console in Chromium, over a crawled testbed with hostile ads', { timeout: 240_000 }, () => {
  let fixture: ConsoleFixture;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;
  let downloadsDir: string;

  const consolePath = (path: string) => `${fixture.origin}${path}`;
  const target: GroundTruthAd = truth.ads.find((ad) => ad.site === 'velvet-nights.test' && ad.phones.length > 0 && ad.domains.length > 0) ?? truth.ads.find((ad) => ad.site === 'velvet-nights.test' && ad.phones.length > 0)!;

  let setUpSeconds = 0;

  before(async () => {
    const started = Date.now();
    fixture = await startConsoleFixture({ seed, ads: adCount, adminPassword: password });
    setUpSeconds = (Date.now() - started) / 1000;
    browser = await launchChromium();
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    watch = new PageWatch(fixture.origin);
    await watch.attach(context);
    page = await context.newPage();
    downloadsDir = fixture.dataDir;
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await fixture?.close();
  });

  it('logs in, and a wrong password is refused', async (t) => {
    t.diagnostic(`testbed crawled and the console up in ${setUpSeconds.toFixed(1)} s`);
    await page.goto(consolePath('/search'));
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('Wrong username or password.').waitFor();
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/search$/);
    await page.getByText('admin (admin)').waitFor();
  });

  it('finds an ad by its phone written in another format, with the match highlighted', async () => {
    const phone = target.phones[0]!;
    const adText = await (await page.request.get(consolePath(`/api/v1/search?q=${encodeURIComponent(phone)}`))).json() as { hits: Array<{ url: string; adId: string }> };
    const hit = adText.hits.find((candidate) => candidate.url === target.url);
    assert.ok(hit, `the API finds ${target.url} by ${phone}`);
    const ad = await (await page.request.get(consolePath(`/api/v1/ads/${encodeURIComponent(hit.adId)}`))).json() as { text: string };
    const typed = otherFormats(phone).find((format) => !ad.text.includes(format))!;
    await page.getByRole('searchbox', { name: 'Search' }).fill(typed);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\/search\?q=/);
    const readAs = page.getByTestId('read-as');
    await readAs.waitFor();
    assert.match(await readAs.innerText(), new RegExp(`phone\\s+\\${phone}`));
    const result = page.locator('.hit', { has: page.locator(`a[href="/ads/${encodeURIComponent(hit.adId)}"]`) });
    await result.waitFor();
    assert.equal(await result.locator('.hit-title').innerText(), target.title);
    assert.ok((await result.locator('mark').count()) >= 1, 'the snippet marks the match');
    assert.ok((await result.locator('.chip-matched').count()) >= 1, 'the matched indicator is flagged');
  });

  it('shows the ad: its text with indicators highlighted, its indicators, captures and the sandboxed page', async () => {
    await page.locator('.hit-title', { hasText: target.title }).first().click();
    await page.waitForURL(/\/ads\//);
    await page.locator('h1', { hasText: target.title }).waitFor();
    const chips = await page.locator('.panel:has(h2:text-is("Indicators")) .chips a').allInnerTexts();
    for (const phone of target.phones) assert.ok(chips.includes(phone), `${phone} among ${chips.join(', ')}`);
    for (const email of target.emails) assert.ok(chips.includes(email), `${email} among ${chips.join(', ')}`);
    const span = page.locator('[data-testid="ad-text"] .indicator-span').first();
    assert.match((await span.getAttribute('title')) ?? '', /read from the text, characters \d+–\d+/);
    const frame = page.locator('iframe.captured-html');
    assert.equal(await frame.getAttribute('sandbox'), '', 'sandbox with no allowances');
    const src = (await frame.getAttribute('src')) ?? '';
    assert.match(src, /\/api\/v1\/ads\/.+\/captures\/.+\/html$/);
    const policy = (await page.request.get(consolePath(src))).headers()['content-security-policy'] ?? '';
    assert.match(policy, /sandbox/);
    assert.match(policy, /default-src 'none'/);
    assert.ok((await page.locator('table.captures tbody tr').count()) >= 1);
    assert.match(await page.locator('table.captures').innerText(), /[0-9a-f]{64}/);
  });

  it('shows the indicator page: timeline, sites, co-occurring indicators', async () => {
    const phone = target.phones[0]!;
    await page.locator('.panel:has(h2:text-is("Indicators")) .chips a', { hasText: phone }).first().click();
    await page.waitForURL(/\/indicators\/phone\//);
    await page.locator('h1', { hasText: phone }).waitFor();
    const holding = truth.ads.filter((ad) => crawledSites.has(ad.site) && ad.phones.includes(phone));
    const bars = await page.locator('svg.timeline rect.bar').evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('data-ads'))));
    assert.equal(bars.reduce((sum, ads) => sum + ads, 0), holding.length, 'the timeline counts every crawled ad holding the phone');
    const sites = await page.locator('.panel:has(h2:text-is("Sites")) tbody tr td:first-child').allInnerTexts();
    assert.deepEqual(sites.sort(), [...new Set(holding.map((ad) => ad.site))].sort());
    const expectedCooccurring = new Set(holding.flatMap((ad) => [...ad.phones, ...ad.emails]).filter((value) => value !== phone));
    const cooccurring = await page.locator('.cooccurring a').allInnerTexts();
    for (const value of expectedCooccurring) assert.ok(cooccurring.includes(value), `${value} co-occurs`);
  });

  it('shows a domain page with its registration history', async () => {
    const domain = target.domains[0] ?? truth.ads.flatMap((ad) => (crawledSites.has(ad.site) ? ad.domains : []))[0];
    assert.ok(domain, 'a crawled ad names a domain');
    await page.goto(consolePath(`/domains/${encodeURIComponent(domain)}`));
    await page.locator('h1', { hasText: domain }).waitFor();
    const rows = await page.locator('table.history tbody tr').count();
    assert.ok(rows >= 1, 'at least one WHOIS/RDAP snapshot');
    const pivot = page.locator('button.pivot').first();
    if ((await pivot.count()) > 0) {
      await pivot.click();
      await page.locator('.reverse-output h3').waitFor();
      assert.ok((await page.locator('.reverse-output a').allInnerTexts()).includes(domain), 'reverse WHOIS finds the domain itself');
    }
  });

  it('verifies the audit log, shows the head to keep, and checks it as an anchor later', async () => {
    await page.goto(consolePath('/audit'));
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByText(/^Chain intact: \d+ entries/).waitFor();
    const head = await page.locator('code.audit-head').innerText();
    assert.match(head, /^\d+:[0-9a-f]{64}$/);
    await page.getByLabel('Anchor').fill(head);
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByText('The anchor holds.', { exact: false }).waitFor();
    await page.getByLabel('Anchor').fill(`${Number(head.split(':')[0]) + 1000}:${'a'.repeat(64)}`);
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByText(/Chain broken at entry \d+: the log ends at entry \d+ but entry \d+ was anchored/).waitFor();
  });

  it('draws the graph around the phone, expands a node and exports the view', async () => {
    const phone = target.phones[0]!;
    await page.goto(consolePath(`/graph?seed=${encodeURIComponent(`phone:${phone}`)}&depth=1`));
    await page.locator('svg.graph .node').first().waitFor();
    const ids = await page.locator('svg.graph .node').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id')));
    assert.ok(ids.includes(`phone:${phone}`), 'the seed is drawn');
    const adNode = page.locator('svg.graph .node-ad').first();
    const before = ids.length;
    await adNode.click();
    await page.waitForFunction(`document.querySelectorAll('svg.graph .node').length >= ${before}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const file = `${downloadsDir}/graph.json`;
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Array<{ id: string; x: number }>; edges: unknown[] };
    assert.ok(exported.nodes.some((node) => node.id === `phone:${phone}`));
    assert.ok(exported.edges.length >= 1 && exported.nodes.every((node) => Number.isFinite(node.x)));
  });

  it('exports the search results as CSV with the ad in it', async () => {
    const phone = target.phones[0]!;
    await page.goto(consolePath(`/search?q=${encodeURIComponent(phone)}`));
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-format="csv"]').click()]);
    const file = `${downloadsDir}/export.csv`;
    await download.saveAs(file);
    const csv = readFileSync(file, 'utf8');
    assert.ok(csv.includes(target.url), 'the CSV holds the ad');
  });

  it('shows every hostile ad, and search results holding them, with 0 script executions and 0 requests leaving the origin', async (t) => {
    const hostile = hostileAds();
    let shown = 0;
    for (const ad of hostile) {
      const phone = ad.phones[0]!;
      const answer = (await (await page.request.get(consolePath(`/api/v1/search?q=${encodeURIComponent(phone)}`))).json()) as { hits: Array<{ url: string; adId: string }> };
      const found = answer.hits.find((hit) => hit.url === ad.url);
      assert.ok(found, `${ad.kind}: ${ad.url} found by its phone ${phone}`);
      await page.goto(consolePath(`/search?q=${encodeURIComponent(phone)}`));
      await page.locator(`.hit-title[href="/ads/${encodeURIComponent(found.adId)}"]`).click();
      await page.waitForURL(/\/ads\//);
      await page.locator('iframe.captured-html').waitFor();
      // Let the sandboxed page load (and try whatever it tries).
      const captured = await (await page.locator('iframe.captured-html').elementHandle())!.contentFrame();
      await captured!.waitForLoadState('load');
      const chips = await page.locator('.panel:has(h2:text-is("Indicators")) .chips a').allInnerTexts();
      assert.ok(chips.includes(phone), `${ad.kind}: ${phone} shown among ${chips.join(', ')}`);
      for (const email of ad.emails) assert.ok(chips.includes(email), `${ad.kind}: ${email} shown`);
      // Hover every highlighted span and image: handlers bound to mouseover would fire now.
      for (const span of await page.locator('.indicator-span').all()) await span.hover();
      assert.equal(await watch.executions(page), 0, `${ad.kind}: no script ran`);
      shown++;
    }
    // The listing of the whole board: every title at once in the results.
    await page.goto(consolePath('/search?q=Location&site=hostile-board.test'));
    await page.locator('.hit').first().waitFor();
    assert.equal(await page.locator('.hit').count(), hostile.length, 'every hostile ad listed on one page');
    assert.equal(await watch.executions(page), 0);
    t.diagnostic(`${shown} hostile ads shown; ${watch.requests.length} requests, ${watch.outsideRequests.length} outside`);
    assert.equal(shown, hostile.length);
    assert.deepEqual(watch.dialogs, [], 'no dialog opened');
    assert.deepEqual(watch.outsideRequests, [], 'no request left the console origin');
  });

  it('renders hostile titles as text', async () => {
    const scriptAd = hostileAds().find((ad) => ad.kind === 'script-tag')!;
    await page.goto(consolePath(`/search?q=${encodeURIComponent(scriptAd.phones[0]!)}`));
    const title = page.locator('.hit', { has: page.locator('.hit-meta', { hasText: 'hostile-board.test' }) }).locator('.hit-title').first();
    await title.waitFor();
    assert.match(await title.innerText(), /<script>/, 'the title shows its markup as characters');
    assert.equal(await page.locator('main script').count(), 0);
    assert.equal(await watch.executions(page), 0);
  });

  it('takes a user with a one-time password to set their own first, then on to search', async () => {
    // The admin adds Inês through the API; the console generates her one-time password.
    const login = await fetch(consolePath('/api/v1/session'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const admin = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const added = await fetch(consolePath('/api/v1/users'), { method: 'POST', headers: admin, body: JSON.stringify({ username: 'ines', role: 'viewer' }) });
    const oneTime = ((await added.json()) as { password: string }).password;

    const own = await browser.newContext();
    try {
      const newcomer = await own.newPage();
      await newcomer.goto(consolePath('/search'));
      await newcomer.getByLabel('Username').fill('ines');
      await newcomer.getByLabel('Password').fill(oneTime);
      await newcomer.getByRole('button', { name: 'Log in' }).click();
      await newcomer.waitForURL(/\/account$/);
      await newcomer.getByRole('heading', { name: 'Set your password' }).waitFor();
      await newcomer.goto(consolePath('/search'));
      await newcomer.waitForURL(/\/account$/, { timeout: 10_000 });
      await newcomer.getByLabel('Current password', { exact: true }).fill(oneTime);
      await newcomer.getByLabel('New password (at least 12 characters)', { exact: true }).fill('ines reads the ads');
      await newcomer.getByLabel('New password again', { exact: true }).fill('ines reads the ads');
      await newcomer.getByRole('button', { name: 'Set password' }).click();
      await newcomer.waitForURL(/\/search$/);
      await newcomer.getByText('ines (viewer)').waitFor();
    } finally {
      await own.close();
    }
    const relogin = await fetch(consolePath('/api/v1/session'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ines', password: 'ines reads the ads' }) });
    assert.equal(((await relogin.json()) as { mustChangePassword: boolean }).mustChangePassword, false);
  });

  it('would see a payload run or a request leave (the watch itself works)', async () => {
    const probe = await context.newPage();
    try {
      await probe.goto(consolePath('/login'));
      const outsideBefore = watch.outsideRequests.length;
      await probe.evaluate(pwnedCounter);
      assert.equal(await watch.executions(probe), 1);
      // The console's CSP stops a page's own fetch before the network; a navigation is not under
      // it, so it shows that a request that does get out is seen (and aborted).
      await assert.rejects(probe.goto(`${exfiltrationOrigin}/probe`), /ERR_BLOCKED_BY_CLIENT/);
      assert.ok(watch.outsideRequests.slice(outsideBefore).some((url) => url.startsWith(exfiltrationOrigin)), 'the outside request is recorded');
    } finally {
      await probe.close();
    }
  });
});
