import { deflateSync } from 'node:zlib';
import { bannerPng, pngChunk } from './binary-assets.js';

/**
 * The bytes of the bad-media page's images, built once at load. Each is a way real image ads go
 * wrong or attack whoever downloads them; what a crawler should make of each is in bad-media-routes.ts.
 */

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ihdr(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: RGB
  return pngChunk('IHDR', header);
}

/** The banner PNG cut in the middle of its image data: signature and header intact, no end. */
function buildCorruptPng(): Buffer {
  return bannerPng.subarray(0, Math.floor(bannerPng.length * 0.6));
}

/** Whose header claims 100000 x 100000 RGB pixels (30 GB decoded); every CRC is right, the data is one row. */
export const pixelBombSide = 100_000;
function buildPixelBombPng(): Buffer {
  const firstRow = Buffer.alloc(1 + pixelBombSide * 3);
  return Buffer.concat([pngSignature, ihdr(pixelBombSide, pixelBombSide), pngChunk('IDAT', deflateSync(firstRow)), pngChunk('IEND', Buffer.alloc(0))]);
}

/**
 * A valid, decodable PNG of more than 5 MiB: 1400 x 1400 RGB, its data deflated at level 0 (stored),
 * so the file is as large as the pixels. Grey gradient rows. Built on first request, then kept.
 */
export const oversizedPngSide = 1400;
let oversized: Buffer | undefined;
export function oversizedPng(): Buffer {
  oversized ??= buildOversizedPng();
  return oversized;
}

function buildOversizedPng(): Buffer {
  const side = oversizedPngSide;
  const raw = Buffer.alloc((side * 3 + 1) * side);
  for (let y = 0; y < side; y++) raw.fill(y % 256, y * (side * 3 + 1) + 1, (y + 1) * (side * 3 + 1));
  return Buffer.concat([pngSignature, ihdr(side, side), pngChunk('IDAT', deflateSync(raw, { level: 0 })), pngChunk('IEND', Buffer.alloc(0))]);
}

/** An HTML error page, as a misconfigured image server sends for a picture it lost. */
export const htmlAsJpeg = Buffer.from(
  '<!DOCTYPE html>\n<html><head><title>Image unavailable</title></head><body><h1>Sorry, this picture was removed.</h1></body></html>\n',
  'utf8',
);

/**
 * LZW data for `pixels` palette indices (2-bit palette): a clear code before every two pixels keeps
 * the code width at 3 bits, so no compression table is needed. Packed least significant bit first.
 */
function gifImageData(pixels: number[]): Buffer {
  const clear = 4;
  const end = 5;
  const codes: number[] = [];
  for (let i = 0; i < pixels.length; i += 2) codes.push(clear, ...pixels.slice(i, i + 2));
  codes.push(end);
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const code of codes) {
    buffer |= code << bits;
    bits += 3;
    while (bits >= 8) {
      bytes.push(buffer & 0xff);
      buffer >>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) bytes.push(buffer & 0xff);
  const blocks: number[] = [2]; // LZW minimum code size
  for (let i = 0; i < bytes.length; i += 255) {
    const block = bytes.slice(i, i + 255);
    blocks.push(block.length, ...block);
  }
  blocks.push(0);
  return Buffer.from(blocks);
}

/** Two 8 x 8 frames (a red and a blue square), looping: an animated GIF, as banner ads are. */
export const animatedGifFrames = 2;
function buildAnimatedGif(): Buffer {
  const side = 8;
  const screen = Buffer.from([side, 0, side, 0, 0xf1, 0, 0]); // global palette of 4 colours
  const palette = Buffer.from([0xff, 0xff, 0xff, 0xc0, 0x20, 0x20, 0x20, 0x40, 0xc0, 0, 0, 0]);
  const loop = Buffer.from([0x21, 0xff, 0x0b, ...Buffer.from('NETSCAPE2.0', 'latin1'), 0x03, 0x01, 0x00, 0x00, 0x00]);
  const frame = (colour: number): Buffer =>
    Buffer.concat([
      Buffer.from([0x21, 0xf9, 0x04, 0x00, 50, 0, 0, 0]), // graphic control: 0.5 s
      Buffer.from([0x2c, 0, 0, 0, 0, side, 0, side, 0, 0]), // image descriptor, no local palette
      gifImageData(new Array<number>(side * side).fill(colour)),
    ]);
  const frames = [1, 2].slice(0, animatedGifFrames).map(frame);
  return Buffer.concat([Buffer.from('GIF89a', 'latin1'), screen, palette, loop, ...frames, Buffer.from([0x3b])]);
}

/** Where the scripted SVG calls back if anything ever runs it; the request log counts the calls. */
export const svgCallbackPath = '/trap/svg-executed';

/** An SVG with an onload handler and a script, both calling back to the testbed. */
export const scriptedSvg = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" viewBox="0 0 120 80" onload="fetch('${svgCallbackPath}?via=onload')">
<script type="text/javascript">new Image().src = '${svgCallbackPath}?via=script';</script>
<rect width="120" height="80" fill="#6a102a"/>
<text x="10" y="45" fill="#ffffff" font-size="14">Special offer</text>
</svg>
`,
  'utf8',
);

/** The first bytes of a JPEG (start of image, JFIF header): what arrives of the picture that never ends. */
export const jpegOpening = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);

export const corruptPng = buildCorruptPng();
export const pixelBombPng = buildPixelBombPng();
export const animatedGif = buildAnimatedGif();
