import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'cheerio';
import { imageReferences, imageReferencesInHtml, parseSrcset } from './image-references.js';

const page = 'http://velvet-nights.test/ads/12';

/** Markup as ad sites write it: lazy-loading plugins, responsive images, backgrounds, a tracker. */
const realisticAd = `<!doctype html><html><head><title>Ad 12</title></head><body>
<header><img src="/static/logo.svg" alt="Velvet Nights"></header>
<article>
  <img class="lazyload" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
       data-src="/media/12/a-800.jpg" data-srcset="/media/12/a-400.jpg 400w, /media/12/a-1200.jpg 1200w, /media/12/a-800.jpg 800w">
  <noscript><img src="/media/12/a-800.jpg"></noscript>
  <picture>
    <source type="image/avif" srcset="/media/12/b.avif 1x, /media/12/b@3x.avif 3x, /media/12/b@2x.avif 2x">
    <source type="image/jpeg" srcset="/media/12/b.jpg">
    <img src="/media/12/b-small.jpg" alt="">
  </picture>
  <img data-original="https://cdn.velvet-nights.test/u/9/photo.png?w=600&amp;utm_source=x#zoom">
  <div class="banner" style="background-image: url('/media/12/phone-banner.png'); height: 80px"></div>
  <div class="hero" data-bg="url(&quot;/media/12/hero.webp&quot;)"></div>
  <noscript><img src="/media/12/only-in-noscript.jpg"></noscript>
  <img src="/media/12/a-1200.jpg?utm_campaign=dup">
  <input type="image" src="/media/12/call-button.png">
</article>
<img src="https://tracker.example/pixel.gif?ad=12" width="1" height="1">
<img src="/px.gif" style="width:1px;height:1px;border:0">
<img src="javascript:alert(1)"><img src="   ">
</body></html>`;

describe('imageReferences', () => {
  test('finds the images an ad shows, largest candidate first, in document order, each once', () => {
    const found = imageReferencesInHtml(realisticAd, page).map((reference) => reference.url);
    assert.deepEqual(found, [
      'http://velvet-nights.test/static/logo.svg',
      'http://velvet-nights.test/media/12/a-1200.jpg',
      'http://velvet-nights.test/media/12/a-800.jpg',
      'http://velvet-nights.test/media/12/b@3x.avif',
      'https://cdn.velvet-nights.test/u/9/photo.png?w=600&utm_source=x',
      'http://velvet-nights.test/media/12/phone-banner.png',
      'http://velvet-nights.test/media/12/hero.webp',
      'http://velvet-nights.test/media/12/only-in-noscript.jpg',
      'http://velvet-nights.test/media/12/call-button.png',
    ]);
  });

  test('gives the canonical form for scope checks and dedupes on it', () => {
    const found = imageReferencesInHtml(realisticAd, page);
    const cdn = found.find((reference) => reference.url.includes('cdn.'));
    assert.equal(cdn?.canonicalUrl, 'https://cdn.velvet-nights.test/u/9/photo.png?w=600');
    assert.equal(found.filter((reference) => reference.canonicalUrl.endsWith('a-1200.jpg')).length, 1);
  });

  test('takes the cheerio document the crawl already has, and honours <base href>', () => {
    const $ = load('<html><head><base href="http://mirror.test/gallery/"></head><body><img srcset="p.jpg, p2.jpg 2x"></body></html>');
    assert.deepEqual(imageReferences($, page), [{ url: 'http://mirror.test/gallery/p2.jpg', canonicalUrl: 'http://mirror.test/gallery/p2.jpg' }]);
  });

  test('finds noscript images whether the parser kept them as text or as elements', () => {
    const html = '<html><body><noscript><img src="/a.jpg"></noscript></body></html>';
    assert.deepEqual(imageReferences(load(html, { xml: { xmlMode: false, decodeEntities: true } }), page).map((r) => r.url), ['http://velvet-nights.test/a.jpg']);
    assert.deepEqual(imageReferencesInHtml(html, page).map((r) => r.url), ['http://velvet-nights.test/a.jpg']);
  });
});

describe('parseSrcset', () => {
  test('keeps the commas of data: URIs and reads width and density descriptors', () => {
    assert.deepEqual(parseSrcset('data:image/gif;base64,R0lG 1x, /b.jpg 2x,/c.jpg 640w ,/d.jpg'), [
      { url: 'data:image/gif;base64,R0lG', width: null, density: 1 },
      { url: '/b.jpg', width: null, density: 2 },
      { url: '/c.jpg', width: 640, density: 1 },
      { url: '/d.jpg', width: null, density: 1 },
    ]);
    assert.deepEqual(parseSrcset('/e.jpg,, /f.jpg 1.5x').map((candidate) => [candidate.url, candidate.density]), [['/e.jpg', 1], ['/f.jpg', 1.5]]);
  });
});
