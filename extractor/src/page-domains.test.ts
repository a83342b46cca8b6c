import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractIndicators } from './extract-indicators.js';
import { DomainCollector } from './page-domains.js';
import { registrableDomain } from './registrable-domain.js';
import { urlTextRule } from './rules/url-text-rule.js';

describe('registrableDomain', () => {
  it('is the Public Suffix List registrable domain, ICANN section, in punycode', () => {
    assert.equal(registrableDomain('www.shop.example.co.uk'), 'example.co.uk');
    assert.equal(registrableDomain('anna.github.io'), 'github.io');
    assert.equal(registrableDomain('Bücher.example'), 'xn--bcher-kva.example');
    assert.equal(registrableDomain('192.0.2.7'), null);
  });
});

describe('DomainCollector', () => {
  it('names the same domains as the url/domain text rule', () => {
    const text = 'https://ads.anna.example/a, www.bella.test, carla-vip.example/x, annavip.com, t.me/anna_x, ID：4258snapchat.com/add/x, anna@mail.example, file.txt';
    const collector = new DomainCollector('c1', 'ad1');
    collector.addIndicators(extractIndicators(text, { captureId: 'c1', source: 'text' }).filter((i) => i.type === 'domain'));
    const fromRule = urlTextRule.find({ text, defaultCountry: null }).filter((m) => m.type === 'domain').map((m) => m.value);
    assert.deepEqual(collector.list().map((d) => d.domain), fromRule);
    assert.deepEqual(fromRule, ['anna.example', 'bella.test', 'carla-vip.example', 'annavip.com']);
  });

  it('keeps messenger hosts out and reports each domain once with how it was seen', () => {
    const collector = new DomainCollector('c1', null);
    collector.addHost('velvet.test', 'site');
    collector.addHost('www.instagram.com', 'url');
    collector.addHost('chat.whatsapp.com', 'url');
    collector.addHost('ads.velvet.test', 'url');
    collector.addIndicators([{ type: 'email', value: 'anna@mail.example', provenance: [{ captureId: 'c1', source: 'text', start: 0, end: 1, raw: 'a', obfuscated: false, rules: [] }] }]);
    assert.deepEqual(collector.list(), [
      { domain: 'velvet.test', via: 'site', captureId: 'c1', adId: null },
      { domain: 'mail.example', via: 'email', captureId: 'c1', adId: null },
    ]);
  });
});
