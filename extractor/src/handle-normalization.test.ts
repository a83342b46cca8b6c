import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeHandle } from './handle-normalization.js';

describe('normalizeHandle', () => {
  it('reads "platform:value" forms', () => {
    assert.deepEqual(normalizeHandle('telegram:@Anna_X'), { platform: 'telegram', value: 'anna_x' });
    assert.deepEqual(normalizeHandle('Snapchat: Anna.X'), { platform: 'snapchat', value: 'anna.x' });
    assert.deepEqual(normalizeHandle('ig:anna.x'), { platform: 'instagram', value: 'anna.x' });
    assert.deepEqual(normalizeHandle('kik=annax'), { platform: 'kik', value: 'annax' });
  });

  it('reads profile links', () => {
    assert.deepEqual(normalizeHandle('t.me/anna_x'), { platform: 'telegram', value: 'anna_x' });
    assert.deepEqual(normalizeHandle('https://telegram.me/Anna_X'), { platform: 'telegram', value: 'anna_x' });
    assert.deepEqual(normalizeHandle('https://www.instagram.com/anna.x/'), { platform: 'instagram', value: 'anna.x' });
    assert.deepEqual(normalizeHandle('https://x.com/AnnaX'), { platform: 'twitter', value: 'annax' });
    assert.deepEqual(normalizeHandle('twitter.com/annax?ref=1'), { platform: 'twitter', value: 'annax' });
    assert.deepEqual(normalizeHandle('https://onlyfans.com/anna-x'), { platform: 'onlyfans', value: 'anna-x' });
    assert.deepEqual(normalizeHandle('https://www.tiktok.com/@anna.x'), { platform: 'tiktok', value: 'anna.x' });
    assert.deepEqual(normalizeHandle('snapchat.com/add/annax'), { platform: 'snapchat', value: 'annax' });
  });

  it('stores WhatsApp and Signal handles as E.164 numbers', () => {
    assert.deepEqual(normalizeHandle('https://wa.me/447700900123'), { platform: 'whatsapp', value: '+447700900123' });
    assert.deepEqual(normalizeHandle('https://api.whatsapp.com/send?phone=17025550123&text=hi'), { platform: 'whatsapp', value: '+17025550123' });
    assert.deepEqual(normalizeHandle('whatsapp:+44 7700 900123'), { platform: 'whatsapp', value: '+447700900123' });
    assert.deepEqual(normalizeHandle('signal:+61 491 570 156'), { platform: 'signal', value: '+61491570156' });
  });

  it('refuses handles whose platform is not explicit or whose value cannot exist there', () => {
    for (const input of ['@anna_x', 'anna_x', 'myspace:anna', 't.me/joinchat', 'https://instagram.com/p/', 'https://twitter.com/intent', 'telegram:@ab', 'https://example.com/anna', 'wa.me/123']) {
      assert.equal(normalizeHandle(input), null, input);
    }
  });
});
