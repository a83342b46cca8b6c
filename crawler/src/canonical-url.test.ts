import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DeadLetterError } from '@indicia/core';
import { canonicalizeUrl } from './index.js';

describe('canonicalizeUrl', () => {
  const cases: Array<[string, string, string]> = [
    ['lowercases scheme and host', 'HTTP://Velvet-Nights.TEST/Ads/12', 'http://velvet-nights.test/Ads/12'],
    ['drops the default http port', 'http://site.test:80/a', 'http://site.test/a'],
    ['drops the default https port', 'https://site.test:443/a', 'https://site.test/a'],
    ['keeps a non-default port', 'http://site.test:8080/a', 'http://site.test:8080/a'],
    ['drops the fragment', 'http://site.test/a#contact', 'http://site.test/a'],
    ['gives an empty path a slash', 'http://site.test', 'http://site.test/'],
    ['keeps a trailing slash', 'http://site.test/ads/', 'http://site.test/ads/'],
    ['does not add a trailing slash', 'http://site.test/ads', 'http://site.test/ads'],
    ['resolves dot segments', 'http://site.test/a/b/../c/./d', 'http://site.test/a/c/d'],
    ['resolves escaped dot segments', 'http://site.test/a/%2e%2E/b', 'http://site.test/b'],
    ['sorts query parameters', 'http://site.test/s?page=2&city=reno&a=1', 'http://site.test/s?a=1&city=reno&page=2'],
    ['sorts repeated keys by value', 'http://site.test/s?t=b&t=a', 'http://site.test/s?t=a&t=b'],
    ['drops utm_* parameters', 'http://site.test/a?utm_source=x&utm_Medium=y&id=3', 'http://site.test/a?id=3'],
    ['drops click ids', 'http://site.test/a?fbclid=abc&gclid=def&msclkid=g&id=3', 'http://site.test/a?id=3'],
    ['drops session ids of any case', 'http://site.test/a?PHPSESSID=1&sid=2&SessionId=3&jsessionid=4&id=5', 'http://site.test/a?id=5'],
    ['drops a path session id', 'http://site.test/ads/12;jsessionid=ABC123?x=1', 'http://site.test/ads/12?x=1'],
    ['drops an empty query', 'http://site.test/a?', 'http://site.test/a'],
    ['drops a query left empty', 'http://site.test/a?utm_campaign=z', 'http://site.test/a'],
    ['drops empty pairs', 'http://site.test/a?&b=1&&a=2&', 'http://site.test/a?a=2&b=1'],
    ['keeps keys without values', 'http://site.test/a?flag&b=1', 'http://site.test/a?b=1&flag'],
    ['keeps plus and %20 as written', 'http://site.test/a?q=a+b&r=a%20b', 'http://site.test/a?q=a+b&r=a%20b'],
    ['uppercases percent-escapes', 'http://site.test/a%2fb?q=%c3%a9', 'http://site.test/a%2Fb?q=%C3%A9'],
    ['unescapes unreserved characters', 'http://site.test/%7Euser/%41?x=%2D', 'http://site.test/~user/A?x=-'],
    ['keeps reserved escapes in the query', 'http://site.test/a?q=%26%3D', 'http://site.test/a?q=%26%3D'],
    ['encodes non-ASCII paths', 'http://site.test/café', 'http://site.test/caf%C3%A9'],
    ['punycodes IDN hosts', 'http://bücher.example/', 'http://xn--bcher-kva.example/'],
    ['drops credentials', 'http://user:secret@site.test/a', 'http://site.test/a'],
    ['drops a trailing dot on the host', 'http://site.test./a', 'http://site.test/a'],
    ['trims whitespace', '  http://site.test/a  ', 'http://site.test/a'],
    ['keeps IPv4 hosts', 'http://127.0.0.1:8080/x', 'http://127.0.0.1:8080/x'],
    ['keeps IPv6 hosts', 'http://[::1]:8080/x', 'http://[::1]:8080/x'],
  ];
  for (const [name, input, expected] of cases) {
    test(name, () => assert.equal(canonicalizeUrl(input), expected));
  }

  test('resolves relative links against a base', () => {
    assert.equal(canonicalizeUrl('../b?z=1&a=2#x', 'http://site.test/dir/page'), 'http://site.test/b?a=2&z=1');
    assert.equal(canonicalizeUrl('//other.test/p', 'https://site.test/'), 'https://other.test/p');
    assert.equal(canonicalizeUrl('?page=3', 'http://site.test/list?page=2'), 'http://site.test/list?page=3');
  });

  test('is idempotent', () => {
    for (const [, input] of cases) {
      const once = canonicalizeUrl(input);
      assert.equal(canonicalizeUrl(once), once, input);
    }
  });

  test('gives equal URLs one spelling', () => {
    const spellings = [
      'http://SITE.test:80/ads/12?b=2&a=1#top',
      'http://site.test/ads/x/../12?a=1&b=2&utm_source=mail',
      'http://site.test/ads/12?a=1&sid=77&b=2',
    ];
    assert.equal(new Set(spellings.map((url) => canonicalizeUrl(url))).size, 1);
  });

  test('throws on non-http(s) URLs and garbage', () => {
    for (const bad of ['mailto:someone@example.com', 'tel:+17025550142', 'javascript:void(0)', 'ftp://site.test/f', 'data:text/html,hi', 'not a url', '']) {
      assert.throws(() => canonicalizeUrl(bad), DeadLetterError, bad);
    }
  });
});
