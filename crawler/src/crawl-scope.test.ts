import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CrawlScope } from './crawl-scope.js';
import { registrableDomain } from './index.js';

describe('registrableDomain', () => {
  test('uses the Public Suffix List', () => {
    assert.equal(registrableDomain('ads.velvet-nights.test'), 'velvet-nights.test');
    assert.equal(registrableDomain('www.shop.example.co.uk'), 'example.co.uk');
    assert.equal(registrableDomain('http://A.B.Example.COM:8080/path'), 'example.com');
  });

  test('treats private suffixes as suffixes, so each user site is its own domain', () => {
    assert.equal(registrableDomain('alice.github.io'), 'alice.github.io');
  });

  test('hosts without a registrable domain are their own', () => {
    assert.equal(registrableDomain('127.0.0.1'), '127.0.0.1');
    assert.equal(registrableDomain('http://127.0.0.1:4000/x'), '127.0.0.1');
    assert.equal(registrableDomain('localhost:3000'), 'localhost');
    assert.equal(registrableDomain('http://[::1]:8080/'), '::1');
  });
});

describe('CrawlScope', () => {
  const seeds = ['http://velvet-nights.test/', 'https://jobs.example.org/board'];

  test('by default, admits the registrable domains of the seeds and their subdomains only', () => {
    const scope = new CrawlScope({ seeds, sameRegistrableDomain: true, allow: [], deny: [] });
    assert.equal(scope.includes('http://velvet-nights.test/ads/1'), true);
    assert.equal(scope.includes('https://img.velvet-nights.test/a.png'), true);
    assert.equal(scope.includes('http://www.example.org/'), true);
    assert.equal(scope.includes('http://other.test/'), false);
    assert.equal(scope.includes('http://velvet-nights.test.evil.test/'), false);
    assert.equal(scope.includes('http://example.com/'), false);
  });

  test('deny patterns remove URLs from the scope', () => {
    const scope = new CrawlScope({ seeds, sameRegistrableDomain: true, allow: [], deny: ['/calendar/', '\\?sort='] });
    assert.equal(scope.includes('http://velvet-nights.test/calendar/2031/01'), false);
    assert.equal(scope.includes('http://velvet-nights.test/ads?sort=new'), false);
    assert.equal(scope.includes('http://velvet-nights.test/ads/3'), true);
  });

  test('allow patterns, when given, must match', () => {
    const scope = new CrawlScope({ seeds, sameRegistrableDomain: true, allow: ['/ads/'], deny: [] });
    assert.equal(scope.includes('http://velvet-nights.test/ads/3'), true);
    assert.equal(scope.includes('http://velvet-nights.test/about'), false);
    assert.equal(scope.includes('http://other.test/ads/3'), false, 'allow does not widen the domain scope');
  });

  test('without the domain rule, allow and deny alone decide', () => {
    const scope = new CrawlScope({ seeds, sameRegistrableDomain: false, allow: ['^https?://[^/]*\\.test/'], deny: ['evil'] });
    assert.equal(scope.includes('http://other.test/x'), true);
    assert.equal(scope.includes('http://evil.test/x'), false);
    assert.equal(scope.includes('http://example.com/x'), false);
  });
});
