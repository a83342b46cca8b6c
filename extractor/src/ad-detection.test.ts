import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractPage } from './extract-page.js';
import { capturedPage } from './fixtures/captured-page.js';
import { classifiedsHost, detailPage, listingPage } from './fixtures/classifieds-site.js';
import { articlePage, forumThreadPage } from './fixtures/content-pages.js';
import { jobBoardHost, jobDetailPage, jobListingPage } from './fixtures/job-board-site.js';

describe('generic ad detection', () => {
  it('classifies a classifieds listing with phones in its cards as a listing, with no ad', () => {
    const result = extractPage(capturedPage(`http://${classifiedsHost}/category/companions?page=2`, listingPage(2)));
    assert.equal(result.kind, 'listing', result.reasons.join('\n'));
    assert.equal(result.ad, null);
    assert.ok(result.reasons.some((r) => r.includes('contact details spread over 20 cards')), result.reasons.join('\n'));
  });

  it('classifies the detail page of that site as an ad, despite its "similar ads" cards', () => {
    const result = extractPage(capturedPage(`http://${classifiedsHost}/ads/1012`, detailPage(1012)));
    assert.equal(result.kind, 'ad', result.reasons.join('\n'));
    assert.equal(result.ad!.detection.method, 'generic');
    assert.ok(result.ad!.detection.score >= 1);
    assert.ok(!result.ad!.text.includes('available tonight'), 'the similar-ads cards are not part of the ad text');
    assert.ok(!result.ad!.text.includes('Abuse desk'), 'the site footer is not part of the ad text');
    assert.ok(!result.ad!.text.includes('Post an ad'), 'the site navigation is not part of the ad text');
  });

  it('tells a job board listing from its offers', () => {
    const listing = extractPage(capturedPage(`http://${jobBoardHost}/jobs`, jobListingPage()));
    assert.equal(listing.kind, 'listing', listing.reasons.join('\n'));
    const offer = extractPage(capturedPage(`http://${jobBoardHost}/jobs/4800-hotel-housekeeping-staff`, jobDetailPage()));
    assert.equal(offer.kind, 'ad', offer.reasons.join('\n'));
    assert.equal(offer.ad!.title, 'Hotel housekeeping staff');
    assert.ok(!offer.ad!.text.includes('Employers'), 'navigation is not part of the offer');
  });

  it('does not take a forum thread or an article without contacts for an ad', () => {
    for (const [url, html] of [
      ['http://travel-forum.test/threads/8812-best-area-to-stay-in-lisbon', forumThreadPage()],
      ['http://safety-blog.test/blog/ten-habits-for-staying-safe-online', articlePage()],
    ] as const) {
      const result = extractPage(capturedPage(url, html));
      assert.notEqual(result.kind, 'ad', `${url}\n${result.reasons.join('\n')}`);
      assert.equal(result.ad, null);
    }
  });

  it('finds the ad on a page with no URL id, no article element and its contacts beside the description', () => {
    const html = `<html><body><div id="top"><a href="/">Home</a> <a href="/about">About</a></div>
      <div class="content"><div class="text"><h2>Relaxing massage</h2><p>${'Professional, clean and friendly. '.repeat(8)}</p></div>
      <div class="side">Phone: 0491 570 156</div></div></body></html>`;
    const result = extractPage(capturedPage('http://massage-ads.test/relaxing-massage', html), { defaultCountry: 'AU' });
    assert.equal(result.kind, 'ad', result.reasons.join('\n'));
    assert.deepEqual(result.ad!.indicators.map((i) => i.value), ['+61491570156']);
    assert.ok(result.ad!.text.startsWith('Relaxing massage'));
  });

  it('treats small listings (two cards, or one teaser card) as listings', () => {
    const card = (id: number, phone: string): string =>
      `<article class="card"><h2><a href="/ads/${id}">Ad number ${id}, new in town</a></h2><p>Chicago · New in town · ${phone}</p><p><a href="/ads/${id}?sessionid=${id}abc">View ad</a></p></article>`;
    const listing = (cards: string): string =>
      `<html><body><header><a href="/">Site</a></header><main><h1>Ads in Chicago</h1><p>Page 1 of 1</p><section>${cards}</section><nav class="pagination"><span>1</span></nav></main></body></html>`;
    const two = extractPage(capturedPage('http://small-site.test/city/chicago?page=1', listing(card(2, '+1 312 555 0149') + card(60, '+1-312-555-0150'))));
    assert.equal(two.kind, 'listing', two.reasons.join('\n'));
    const one = extractPage(capturedPage('http://small-site.test/city/chicago?page=1', listing(card(2, '+1 312 555 0149'))));
    assert.notEqual(one.kind, 'ad', one.reasons.join('\n'));
  });

  it('treats a page listing many contacts without cards as a listing, not one ad', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `<p><a href="/ads/${500 + i}">Ad ${i}</a> call (702) 555-01${String(10 + i)}</p>`).join('');
    const result = extractPage(capturedPage('http://flat-list.test/all', `<html><body><div>${rows}</div></body></html>`));
    assert.notEqual(result.kind, 'ad', result.reasons.join('\n'));
  });
});
