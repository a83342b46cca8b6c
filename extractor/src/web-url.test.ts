import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalWebUrl, parseAbsoluteWebUrl } from './web-url.js';

describe('canonicalWebUrl', () => {
  it('lowercases scheme and host, drops default ports and the fragment, keeps path and query as written', () => {
    assert.deepEqual(canonicalWebUrl({ scheme: 'https', host: 'Anna-VIP.Example', port: '443', rest: '/Gallery/%7Eanna?Size=L&x=1#photos' }), {
      url: 'https://anna-vip.example/Gallery/%7Eanna?Size=L&x=1',
      host: 'anna-vip.example',
    });
    assert.equal(canonicalWebUrl({ scheme: 'http', host: 'x.example', port: '80', rest: '' })?.url, 'http://x.example/');
  });

  it('keeps a port that is not the default, without leading zeros', () => {
    assert.equal(canonicalWebUrl({ scheme: 'http', host: 'x.example', port: '08080', rest: '/a' })?.url, 'http://x.example:8080/a');
    assert.equal(canonicalWebUrl({ scheme: 'https', host: 'x.example', port: '80', rest: '' })?.url, 'https://x.example:80/');
    assert.equal(canonicalWebUrl({ scheme: 'https', host: 'x.example', port: '70000', rest: '' }), null);
  });

  it('puts IDN hosts in punycode and takes IPv4 literals as they are', () => {
    assert.equal(canonicalWebUrl({ scheme: 'https', host: 'Bücher.example', port: null, rest: '?q=ä' })?.url, 'https://xn--bcher-kva.example/?q=ä');
    assert.equal(canonicalWebUrl({ scheme: 'http', host: '192.0.2.7', port: null, rest: '/x' })?.url, 'http://192.0.2.7/x');
  });

  it('refuses what cannot be a host', () => {
    assert.equal(canonicalWebUrl({ scheme: 'http', host: 'localhost', port: null, rest: '' }), null);
    assert.equal(canonicalWebUrl({ scheme: 'http', host: '-x.example', port: null, rest: '' }), null);
    assert.equal(canonicalWebUrl({ scheme: 'http', host: 'x.123', port: null, rest: '' }), null);
  });
});

describe('parseAbsoluteWebUrl', () => {
  it('reads http(s) hrefs and drops user info', () => {
    assert.deepEqual(parseAbsoluteWebUrl('HTTPS://user:pw@Trusted.example@Other.Example:8443/a?b#c'), { url: 'https://other.example:8443/a?b', host: 'other.example' });
    assert.equal(parseAbsoluteWebUrl('http://x.example')?.url, 'http://x.example/');
  });

  it('ignores other schemes and relative links', () => {
    for (const href of ['/ads/12', '//x.example/a', 'mailto:a@x.example', 'tel:+17025550123', 'javascript:void(0)', 'ftp://x.example/f']) assert.equal(parseAbsoluteWebUrl(href), null, href);
  });
});
