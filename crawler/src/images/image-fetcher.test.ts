import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sha256Hex } from '@indicia/core';
import { BlobStore } from '../blob-store.js';
import { HttpFetcher, type HttpFetcherOptions } from '../http-fetcher.js';
import { startForwardProxy, startOrigin, temporaryDir, type OriginServer } from '../loopback-fixtures.js';
import { ImageFetcher, type ImageFetcherOptions, type PageImages } from './image-fetcher.js';
import { animatedGif, pixelBombPng, solidJpeg, solidPng, svgWithScript } from './image-test-images.js';

interface Served {
  contentType: string;
  body: Buffer;
}

let origin: OriginServer;
let blobs: { path: string; remove: () => Promise<void> };
const served = new Map<string, Served>();
let png: Buffer;
let jpeg: Buffer;
let cutPng: Buffer;
const gif = animatedGif(2);
const bomb = pixelBombPng(100_000, 100_000);
const overCap = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300 * 1024)]);
const testCap = 256 * 1024;

before(async () => {
  png = await solidPng(120, 40);
  jpeg = await solidJpeg(64, 48);
  cutPng = (await solidPng(300, 200, '#0af')).subarray(0, 50);
  const serve = (path: string, contentType: string, body: Buffer | string): void => {
    served.set(path, { contentType, body: Buffer.from(body) });
  };
  serve('/photo.png', 'image/png', png);
  serve('/same-photo-other-name.png', 'image/png', png);
  serve('/photo.jpg', 'image/jpeg', jpeg);
  serve('/png-as-html', 'text/html; charset=utf-8', png);
  serve('/not-really.jpg', 'image/jpeg', '<!doctype html><html><body>Sorry, this image was removed</body></html>');
  serve('/cut.png', 'image/png', cutPng);
  serve('/bomb.png', 'image/png', bomb);
  serve('/dancing.gif', 'image/gif', gif);
  serve('/phone.svg', 'image/svg+xml', svgWithScript);
  serve('/huge.png', 'image/png', overCap);
  origin = await startOrigin((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/slow.png') {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.write(png.subarray(0, 20)); // and never the rest
      return;
    }
    if (path === '/loop.png') {
      response.writeHead(302, { location: '/loop.png' }).end();
      return;
    }
    if (path === '/moved.png') {
      response.writeHead(301, { location: 'http://tracker.example/elsewhere.png' }).end();
      return;
    }
    if (path === '/flaky.png') {
      response.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
      return;
    }
    const file = served.get(path);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': file.contentType }).end(file.body);
  });
  blobs = await temporaryDir();
});

after(async () => {
  await origin.close();
  await blobs.remove();
});

function makeFetcher(options: { http?: Partial<HttpFetcherOptions>; images?: Partial<ImageFetcherOptions> } = {}): { images: ImageFetcher; http: HttpFetcher; store: BlobStore } {
  const http = new HttpFetcher({ proxyUrl: null, userAgent: 'IndiciaTest/1.0', timeoutMs: 600, maxBodyBytes: 1024 * 1024, maxRedirects: 5, ...options.http });
  const store = new BlobStore(blobs.path);
  const images = new ImageFetcher({ http, blobStore: store, limits: { maxImageBytes: testCap }, ...options.images });
  return { images, http, store };
}

const url = (path: string): string => `${origin.url}${path}`;
const reasonFor = (page: PageImages, path: string): string | undefined => page.refused.find((refused) => refused.url === url(path))?.reason;

describe('ImageFetcher', () => {
  test('keeps real images by their bytes, refuses the rest with a reason, and never throws', async () => {
    const { images, http, store } = makeFetcher({ images: { redirectAllowed: (target) => target.startsWith(origin.url) } });
    const paths = [
      '/photo.png', '/photo.jpg', '/png-as-html', '/not-really.jpg', '/cut.png', '/bomb.png', '/dancing.gif', '/phone.svg',
      '/huge.png', '/missing.png', '/slow.png', '/loop.png', '/moved.png', '/flaky.png',
    ];
    const page = await images.fetchPageImages(paths.map(url));
    http.close();

    assert.deepEqual(
      page.images.map((image) => [new URL(image.url).pathname, image.mediaType, image.width, image.height]),
      [
        ['/photo.png', 'image/png', 120, 40],
        ['/photo.jpg', 'image/jpeg', 64, 48],
        ['/cut.png', 'image/png', 300, 200],
        ['/dancing.gif', 'image/gif', 1, 1],
        ['/phone.svg', 'image/svg+xml', 320, 80],
      ],
      'the PNG served as text/html is the same bytes as /photo.png, so it is kept once',
    );
    const byPath = (path: string) => page.kept.find((kept) => kept.image.url === url(path))!;
    assert.equal(byPath('/photo.png').image.sha256, sha256Hex(png));
    assert.equal(byPath('/photo.png').image.bytes, png.length);
    assert.equal(Buffer.from(byPath('/photo.jpg').image.data, 'base64').equals(jpeg), true);
    assert.equal(byPath('/dancing.gif').image.frames, 2);
    assert.equal(byPath('/phone.svg').rasterisable, false);
    assert.equal(byPath('/phone.svg').image.decoderError, null);
    assert.match(byPath('/cut.png').image.decoderError ?? '', /./, 'a cut PNG is kept, its decoder error noted');
    for (const kept of page.kept) assert.equal((await store.get(kept.image.sha256)).toString('base64'), kept.image.data);

    assert.match(reasonFor(page, '/not-really.jpg') ?? '', /^not an image: .*served as image\/jpeg/);
    assert.equal(reasonFor(page, '/bomb.png'), 'pixel bomb: 100000x100000 (more than 40000000 pixels)');
    assert.equal(reasonFor(page, '/huge.png'), 'larger than 262144 bytes');
    assert.equal(reasonFor(page, '/missing.png'), 'HTTP 404 Not Found');
    assert.equal(reasonFor(page, '/flaky.png'), 'HTTP 503 Service Unavailable');
    assert.equal(reasonFor(page, '/slow.png'), 'timed out after 600 ms');
    assert.match(reasonFor(page, '/loop.png') ?? '', /^redirect loop/);
    assert.match(reasonFor(page, '/moved.png') ?? '', /out of the crawl's scope, to http:\/\/tracker\.example\/elsewhere\.png/);
    assert.equal(page.refused.length, 8);
    assert.equal(store.has(sha256Hex(bomb)), false, 'refused images are not stored');
    assert.equal(store.has(sha256Hex(overCap)), false);

    // Every response received goes to the WARC: kept, refused and HTTP errors alike (not timeouts, loops, blocked redirects).
    assert.deepEqual(page.fetches.map((fetched) => new URL(fetched.url).pathname).sort(), [
      '/bomb.png', '/cut.png', '/dancing.gif', '/flaky.png', '/huge.png', '/missing.png', '/not-really.jpg', '/phone.svg', '/photo.jpg', '/photo.png', '/png-as-html',
    ]);
    assert.equal(page.fetches.find((fetched) => fetched.url.endsWith('/huge.png'))?.truncated, true);
  });

  test('fetches an image many pages show once per run, and gives each page its bytes', async () => {
    const { images, http } = makeFetcher();
    const before = origin.hits('/photo.jpg');
    const first = await images.fetchPageImages([url('/photo.jpg'), url('/missing.png')]);
    const [second, third] = await Promise.all([
      images.fetchPageImages([url('/photo.jpg'), url('/missing.png')]),
      images.fetchPageImages([url('/photo.jpg')]),
    ]);
    http.close();
    assert.equal(origin.hits('/photo.jpg') - before, 1);
    assert.equal(first.fetches.length, 2);
    assert.equal(second.fetches.length, 0);
    assert.deepEqual(second.images, first.images);
    assert.deepEqual(third.images, first.images);
    assert.deepEqual(second.refused, [{ url: url('/missing.png'), reason: 'HTTP 404 Not Found' }]);
  });

  test('caps the images of one page by count and by bytes, refusing the rest with the cap', async () => {
    const { images, http } = makeFetcher({ images: { limits: { maxImagesPerPage: 3, maxImageBytesPerPage: png.length + jpeg.length + 10 } } });
    const page = await images.fetchPageImages([url('/photo.png'), url('/photo.jpg'), url('/dancing.gif'), url('/phone.svg')]);
    const gifFits = png.length + jpeg.length + gif.length <= png.length + jpeg.length + 10;
    http.close();
    assert.equal(gifFits, false);
    assert.deepEqual(page.images.map((image) => image.url), [url('/photo.png'), url('/photo.jpg')]);
    assert.deepEqual(page.refused, [
      { url: url('/dancing.gif'), reason: `the page's images passed ${png.length + jpeg.length + 10} bytes` },
      { url: url('/phone.svg'), reason: 'more than 3 images on the page' },
    ]);
  });

  test("goes through the crawl's proxy by host name", async () => {
    const proxy = await startForwardProxy(origin.port);
    try {
      const { images, http } = makeFetcher({ http: { proxyUrl: proxy.url } });
      const page = await images.fetchPageImages(['http://velvet-nights.test/photo.png']);
      http.close();
      assert.equal(page.images[0]?.sha256, sha256Hex(png));
      assert.deepEqual(proxy.targets, ['http://velvet-nights.test/photo.png']);
      assert.equal(page.fetches[0]?.proxy, proxy.url);
    } finally {
      await proxy.close();
    }
  });
});
