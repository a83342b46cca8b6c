#!/usr/bin/env node
// `npm run screenshots`: crawls a small testbed (the hostile board included) into a temporary data
// directory, serves the console over it, and writes a screenshot of each page to
// docs/screenshots/*.png for the README. Needs a build (npm run build) and Chromium.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { groundTruth } from '@indicia/testbed';
import { startConsoleFixture } from '../cli/dist/test-support/console-fixture.js';
import { launchChromium } from '../cli/dist/test-support/console-browser.js';

const seed = 11;
const ads = 48;
const password = 'screenshot-passphrase';
const outDir = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
mkdirSync(outDir, { recursive: true });

const truth = groundTruth({ seed, ads });
// An operator seen in several ads makes the indicator, graph and domain pages worth a look.
const byPhone = new Map();
for (const ad of truth.ads) if (ad.site === 'velvet-nights.test' || ad.site === 'night-scroll.test') for (const phone of ad.phones) byPhone.set(phone, [...(byPhone.get(phone) ?? []), ad]);
const [phone, phoneAds] = [...byPhone].sort((a, b) => b[1].length - a[1].length)[0];
const domain = truth.ads.flatMap((ad) => (ad.site === 'velvet-nights.test' || ad.site === 'night-scroll.test' ? ad.domains : []))[0];

const fixture = await startConsoleFixture({ seed, ads, adminPassword: password });
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const at = (path) => `${fixture.origin}${path}`;
  const shoot = async (name, options = {}) => {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${outDir}${name}.png`, fullPage: options.fullPage ?? false });
    process.stdout.write(`docs/screenshots/${name}.png\n`);
  };

  await page.goto(at('/login'));
  await shoot('login');
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/search/);

  // A watchlist seen before, so the page shows new matches flagged.
  const me = await (await page.request.get(at('/api/v1/me'))).json();
  const headers = { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' };
  await page.request.post(at('/api/v1/watchlists'), { headers, data: { name: 'Las Vegas booking line', indicator: { type: 'phone', value: phone } } });
  await page.request.post(at('/api/v1/watchlists'), { headers, data: { name: 'new in town', query: { q: 'new in town' } } });

  const national = phone.startsWith('+1') ? `(${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}` : phone;
  await page.goto(at(`/search?q=${encodeURIComponent(national)}`));
  await page.locator('.hit').first().waitFor();
  await shoot('search', { fullPage: true });

  const answer = await (await page.request.get(at(`/api/v1/search?q=${encodeURIComponent(phone)}`))).json();
  const withScreenshot = [];
  for (const hit of answer.hits) {
    const ad = await (await page.request.get(at(`/api/v1/ads/${encodeURIComponent(hit.adId)}`))).json();
    if (ad.captures?.some((capture) => capture.hasScreenshot)) withScreenshot.push(hit.adId);
  }
  const adId = withScreenshot[0] ?? answer.hits[0].adId;
  await page.goto(at(`/ads/${encodeURIComponent(adId)}`));
  await page.locator('h1').waitFor();
  await shoot('ad', { fullPage: true });

  await page.goto(at(`/indicators/phone/${encodeURIComponent(phone)}`));
  await page.locator('svg.timeline, .empty').first().waitFor();
  await shoot('indicator', { fullPage: true });

  if (domain) {
    await page.goto(at(`/domains/${encodeURIComponent(domain)}`));
    await page.locator('h1').waitFor();
    const pivot = page.locator('button.pivot').first();
    if ((await pivot.count()) > 0) {
      await pivot.click();
      await page.locator('.reverse-output h3').waitFor();
    }
    await shoot('domain', { fullPage: true });
  }

  await page.goto(at(`/graph?seed=${encodeURIComponent(`phone:${phone}`)}&depth=2`));
  await page.locator('svg.graph .node').first().waitFor();
  const adNode = page.locator('svg.graph .node-ad').first();
  if ((await adNode.count()) > 0) await adNode.click();
  await page.waitForTimeout(300);
  await shoot('graph');

  await page.goto(at('/watchlists'));
  await page.locator('h1').waitFor();
  await shoot('watchlists');

  await page.goto(at('/audit'));
  await page.locator('table.audit').waitFor();
  await page.getByRole('button', { name: 'Verify the chain' }).click();
  await page.locator('.notice').first().waitFor();
  await shoot('audit');

  process.stdout.write(`phone ${phone} (${phoneAds.length} ads in the truth), domain ${domain ?? 'none'}\n`);
  await context.close();
} finally {
  await browser.close();
  await fixture.close();
}
