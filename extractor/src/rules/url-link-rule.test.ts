import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { urlLinkRule } from './url-link-rule.js';

const find = (href: string) => urlLinkRule.find({ href, defaultCountry: null });

describe('urlLinkRule', () => {
  it('gives the canonical url and the registrable domain over the whole href', () => {
    const href = 'HTTP://Ads.Anna-VIP.example:80/Profile?id=3#x';
    assert.deepEqual(find(`  ${href}\n`), [
      { type: 'url', value: 'http://ads.anna-vip.example/Profile?id=3', start: 2, end: 2 + href.length, rules: ['url:link'] },
      { type: 'domain', value: 'anna-vip.example', start: 2, end: 2 + href.length, rules: ['domain:link'] },
    ]);
  });

  it('gives a url without a domain for an IP address', () => {
    assert.deepEqual(find('http://192.0.2.7/x').map((m) => m.type), ['url']);
  });

  it('ignores relative, non-web and messenger links', () => {
    for (const href of ['/ads/12', '?page=2', '#top', 'mailto:anna@x.example', 'tel:+17025550123', 'https://t.me/anna_x', 'https://wa.me/17025550123', 'https://www.instagram.com/anna.x', 'https://x.com/anna']) {
      assert.deepEqual(find(href), [], href);
    }
  });
});
