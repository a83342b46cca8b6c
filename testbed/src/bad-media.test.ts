import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { badMediaImages, badMediaPagePath, spaLivePollPath, spaTrapLinks, startTestbed, svgCallbackPath, type BadMediaKind, type RunningTestbed } from './index.js';
import { hrefsOf } from './test-support/page-contacts.js';
import { ProxyClient } from './test-support/proxy-client.js';

const host = 'picture-board.test';

function urlOf(kind: BadMediaKind): string {
  return `http://${host}${badMediaImages.find((entry) => entry.kind === kind)!.path}`;
}

/** Every PNG chunk's CRC, checked; the chunk types in order. */
function pngChunkTypes(png: Buffer): string[] {
  const types: string[] = [];
  for (let offset = 8; offset + 12 <= png.length; ) {
    const length = png.readUInt32BE(offset);
    if (offset + 12 + length > png.length) break;
    const typed = png.subarray(offset + 4, offset + 8 + length);
    assert.equal(png.readUInt32BE(offset + 8 + length), crc32(typed) >>> 0, `CRC of ${typed.subarray(0, 4).toString('latin1')}`);
    types.push(typed.subarray(0, 4).toString('latin1'));
    offset += 12 + length;
  }
  return types;
}

describe('bad media: the image-ad site\'s broken pictures and the app\'s hostile pages', () => {
  let testbed: RunningTestbed;
  let client: ProxyClient;
  before(async () => {
    testbed = await startTestbed({ seed: 3, ads: 20 });
    client = new ProxyClient(testbed.proxyUrl);
  });
  after(async () => {
    client.close();
    await testbed.close();
  });

  it('links the bad-media page from the image site\'s home, and shows every bad picture on it', async () => {
    assert.ok(hrefsOf((await client.text(`http://${host}/`)).body).includes(badMediaPagePath));
    const page = await client.text(`http://${host}${badMediaPagePath}`);
    assert.equal(page.status, 200);
    const sources = [...page.body.matchAll(/<img src="([^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(sources, badMediaImages.map((entry) => entry.path));
    assert.ok(!/<script/i.test(page.body), 'the page runs nothing of its own');
  });

  it('serves a cut PNG, HTML as a JPEG, a pixel bomb with right CRCs, a two-frame GIF and a 404', async () => {
    const cut = await client.get(urlOf('corrupt-png'));
    assert.deepEqual([...cut.body.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    assert.deepEqual(pngChunkTypes(cut.body), ['IHDR'], 'the header is whole, the data cut');
    await assert.rejects(sharp(cut.body).raw().toBuffer());

    const html = await client.get(urlOf('html-as-jpeg'));
    assert.equal(html.headers['content-type'], 'image/jpeg');
    assert.match(html.body.toString('utf8'), /^<!DOCTYPE html>/);

    const bomb = await client.get(urlOf('pixel-bomb'));
    assert.ok(bomb.body.length < 10_000, `${bomb.body.length} bytes`);
    assert.deepEqual(pngChunkTypes(bomb.body), ['IHDR', 'IDAT', 'IEND']);
    assert.deepEqual([bomb.body.readUInt32BE(16), bomb.body.readUInt32BE(20)], [100_000, 100_000]);

    const gif = await client.get(urlOf('animated-gif'));
    const metadata = await sharp(gif.body, { animated: true }).metadata();
    assert.deepEqual([metadata.format, metadata.pages, metadata.width, metadata.pageHeight], ['gif', 2, 8, 8]);
    const frames = await sharp(gif.body, { animated: true }).raw().toBuffer();
    assert.notDeepEqual([...frames.subarray(0, 3)], [...frames.subarray(frames.length - 3)], 'the frames differ');

    assert.equal((await client.get(urlOf('missing'))).status, 404);
  });

  it('serves a decodable PNG over 5 MiB and an SVG that would call back if run', async () => {
    const big = await client.get(urlOf('oversized'));
    assert.ok(big.body.length > 5 * 1024 * 1024, `${big.body.length} bytes`);
    assert.deepEqual(await sharp(big.body).metadata().then((m) => [m.width, m.height]), [1400, 1400]);
    const svg = (await client.get(urlOf('scripted-svg'))).body.toString('utf8');
    assert.ok(svg.includes(`onload="fetch('${svgCallbackPath}`) && svg.includes('<script'), svg);
    assert.equal(testbed.countRequests({ path: `${svgCallbackPath}?via=onload` }), 0);
    assert.equal((await client.get(`http://${host}${svgCallbackPath}?via=test`)).status, 204);
    assert.equal(testbed.countRequests({ path: `${svgCallbackPath}?via=test` }), 1, 'a callback is counted');
  });

  it('sends the first bytes of a picture and then holds the response open', async () => {
    const proxy = new URL(testbed.proxyUrl);
    const received = await new Promise<{ status: number; bytes: number; ended: boolean }>((resolve, reject) => {
      const outgoing = request({ host: proxy.hostname, port: proxy.port, path: urlOf('never-ends'), headers: { host } }, (response) => {
        let bytes = 0;
        let ended = false;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => (ended = true));
        response.on('error', () => undefined);
        setTimeout(() => {
          resolve({ status: response.statusCode ?? 0, bytes, ended });
          outgoing.destroy();
        }, 500);
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
    assert.equal(received.status, 200);
    assert.ok(received.bytes > 0 && received.bytes < 100, `${received.bytes} bytes`);
    assert.equal(received.ended, false);
    assert.equal((await client.get(`http://${host}/about`)).status, 200, 'the testbed carries on');
  });

  it('has the app link its two trap pages from script only, serve them as its shell, and hold each live poll', async () => {
    const script = await client.text('http://night-scroll.test/app.js');
    assert.doesNotThrow(() => new Script(script.body));
    for (const trap of spaTrapLinks) {
      assert.ok(script.body.includes(trap.href), trap.href);
      const shell = await client.text(`http://night-scroll.test${trap.href}`);
      assert.equal(shell.status, 200);
      assert.deepEqual(hrefsOf(shell.body), []);
    }
    assert.ok(/while \(true\)/.test(script.body));
    const started = Date.now();
    const poll = await client.text(`http://night-scroll.test${spaLivePollPath}?poll=1`);
    assert.equal(poll.status, 200);
    assert.ok(Date.now() - started >= 900, 'the poll is held about a second');
  });
});
