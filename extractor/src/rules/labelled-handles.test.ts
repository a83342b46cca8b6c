import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Indicator } from '@indicia/core';
import { extractIndicators } from '../extract-indicators.js';

const handlesIn = (text: string, source: 'text' | 'html-attr' = 'text'): Indicator[] =>
  extractIndicators(text, { captureId: 'c', source, defaultCountry: 'AU', ...(source === 'html-attr' ? { attribute: 'href' } : {}) }).filter((i) => i.type === 'handle');

/** [text, platform:value, raw span, obfuscated] */
const labelled: Array<[string, string, string, boolean]> = [
  ['Telegram: @anna_x', 'telegram:anna_x', 'Telegram: @anna_x', false],
  ['msg me tg @anna_vegas today', 'telegram:anna_vegas', 'tg @anna_vegas', false],
  ['Телеграм: @anna_vegas', 'telegram:anna_vegas', 'Телеграм: @anna_vegas', false],
  ['Telegrama - @anna_vegas', 'telegram:anna_vegas', 'Telegrama - @anna_vegas', false],
  ['Snap: anna.x', 'snapchat:anna.x', 'Snap: anna.x', false],
  ['Snapchat username: anna.x', 'snapchat:anna.x', 'Snapchat username: anna.x', false],
  ['IG: anna', 'instagram:anna', 'IG: anna', false],
  ['Find me on Insta @eva.vegas', 'instagram:eva.vegas', 'Insta @eva.vegas', false],
  ['Kik - daria99', 'kik:daria99', 'Kik - daria99', false],
  ['OF: anna_x', 'onlyfans:anna_x', 'OF: anna_x', false],
  ['Twitter: @AnnaX', 'twitter:annax', 'Twitter: @AnnaX', false],
  ['X: @annax', 'twitter:annax', 'X: @annax', false],
  ['Skype: live:anna_x', 'skype:live:anna_x', 'Skype: live:anna_x', false],
  ['WeChat: anna_x1', 'wechat:anna_x1', 'WeChat: anna_x1', false],
  ['微信: anna_x1', 'wechat:anna_x1', '微信: anna_x1', false],
  ['Line ID: anna_x', 'line:anna_x', 'Line ID: anna_x', false],
  ['Call me | LINE: anna_x', 'line:anna_x', 'LINE: anna_x', false],
  ['TikTok: @anna.x', 'tiktok:anna.x', 'TikTok: @anna.x', false],
  ['fb: anna.vegas', 'facebook:anna.vegas', 'fb: anna.vegas', false],
  ['WhatsApp +44 7700 900123', 'whatsapp:+447700900123', 'WhatsApp +44 7700 900123', false],
  ['WA only 0412 345 678', 'whatsapp:+61412345678', 'WA only 0412 345 678', false],
  ['Signal 0491 570 156', 'signal:+61491570156', 'Signal 0491 570 156', false],
  ['+61 491 570 156 (WhatsApp only)', 'whatsapp:+61491570156', '+61 491 570 156 (WhatsApp', false],
  ['t . me / anna_x', 'telegram:anna_x', 't . me / anna_x', true],
  ['t(dot)me/anna_x', 'telegram:anna_x', 't(dot)me/anna_x', true],
];

describe('handles named by labels and links in text', () => {
  for (const [text, expected, raw, obfuscated] of labelled) {
    it(`reads ${JSON.stringify(text)}`, () => {
      const found = handlesIn(text);
      assert.deepEqual(found.map((h) => `${h.platform}:${h.value}`), [expected]);
      const p = found[0]!.provenance[0]!;
      assert.equal(p.raw, raw);
      assert.equal(text.slice(p.start, p.end), raw);
      assert.equal(p.obfuscated, obfuscated);
    });
  }

  it('gives every platform named in a chain the number after it', () => {
    const found = handlesIn('WhatsApp/Signal: +44 7700 900123');
    assert.deepEqual(found.map((h) => `${h.platform}:${h.value}`).sort(), ['signal:+447700900123', 'whatsapp:+447700900123']);
  });

  it('finds every profile link of a text, however far its disguised host reaches back from the slash', () => {
    const text = 'see example.com/about and me / x, then https://www.mobile  (  dot  )  twitter  (  dot  )  com  /  anna_x and t.me/vera_x55/ and kik.me/daria99';
    assert.deepEqual(handlesIn(text).map((h) => `${h.platform}:${h.value}`), ['twitter:anna_x', 'telegram:vera_x55', 'kik:daria99']);
    const twitter = handlesIn(text)[0]!.provenance[0]!;
    assert.equal(text.slice(twitter.start, twitter.end), 'https://www.mobile  (  dot  )  twitter  (  dot  )  com  /  anna_x');
  });

  it('takes no handle where the platform is not explicit or the word is no handle', () => {
    for (const text of [
      'just @random_name', 'Telegram: available', 'WhatsApp only', 'Snap: ask me', 'IG: private', 'Viber: +44 7700 900123',
      'Seattle, WA (206) 555-0123', 'a list of: apples', 'Bottom line: available', 'Kik: 12345', 'x: 5', 'Telegram anna_x',
    ]) {
      assert.deepEqual(handlesIn(text).map((h) => `${h.platform}:${h.value}`), [], text);
    }
  });
});

describe('handles in profile and app links', () => {
  const links: Array<[string, string, string]> = [
    ['https://x.com/AnnaX', 'twitter:annax', 'AnnaX'],
    ['https://line.me/ti/p/~anna_x', 'line:anna_x', 'anna_x'],
    ['https://line.me/R/ti/p/~anna_x', 'line:anna_x', 'anna_x'],
    ['https://signal.me/#p/+447700900123', 'signal:+447700900123', '447700900123'],
    ['skype:anna.vegas?call', 'skype:anna.vegas', 'anna.vegas'],
    ['weixin://dl/chat?anna_x1', 'wechat:anna_x1', 'anna_x1'],
    ['tg://resolve?domain=anna_x', 'telegram:anna_x', 'anna_x'],
    ['https://www.snapchat.com/add/annax', 'snapchat:annax', 'annax'],
    ['https://www.tiktok.com/@anna.x', 'tiktok:anna.x', 'anna.x'],
    ['https://www.facebook.com/anna.vegas', 'facebook:anna.vegas', 'anna.vegas'],
    ['https://fb.me/anna.vegas', 'facebook:anna.vegas', 'anna.vegas'],
    ['https://onlyfans.com/anna_x', 'onlyfans:anna_x', 'anna_x'],
    ['https://kik.me/anna_x', 'kik:anna_x', 'anna_x'],
    ['https://ig.me/m/anna.x', 'instagram:anna.x', 'anna.x'],
    ['https://t.me/s/anna_x', 'telegram:anna_x', 'anna_x'],
    ['https://wa.me/447700900123', 'whatsapp:+447700900123', '447700900123'],
  ];
  for (const [href, expected, raw] of links) {
    it(`reads ${href}`, () => {
      const found = handlesIn(href, 'html-attr');
      assert.deepEqual(found.map((h) => `${h.platform}:${h.value}`), [expected]);
      // A link's span runs from the start of the href to the end of the name (or number) in it.
      const p = found[0]!.provenance[0]!;
      assert.equal(p.start, 0);
      assert.equal(p.end, href.indexOf(raw) + raw.length);
    });
  }

  it('gives a Signal link the phone as well', () => {
    const phones = extractIndicators('https://signal.me/#p/+447700900123', { captureId: 'c', source: 'html-attr', attribute: 'href' }).filter((i) => i.type === 'phone');
    assert.deepEqual(phones.map((p) => p.value), ['+447700900123']);
  });

  it('ignores site pages on platform hosts', () => {
    for (const href of ['https://t.me/joinchat', 'https://www.facebook.com/sharer.php', 'https://line.me/en', 'https://x.com/intent', 'https://signal.me/#p/123']) {
      assert.deepEqual(handlesIn(href, 'html-attr'), [], href);
    }
  });
});
