import sharp from 'sharp';

/**
 * Synthetic ad images for tests and the OCR bench: text banners rendered from SVG (system fonts,
 * colours, sizes, slight rotation, noise) and text-free photo-like pictures. Deterministic for a
 * given spec and seed.
 */
export interface BannerSpec {
  lines: string[];
  font: string;
  fontSize: number;
  bold?: boolean;
  color: string;
  background: string;
  /** Degrees, clockwise; a few at most, as a photographed or tilted card. */
  rotate?: number;
  /** Per-channel uniform noise amplitude (0-255). */
  noise?: number;
  format: 'png' | 'jpeg';
  seed?: number;
}

export const bannerFonts = ['DejaVu Sans', 'DejaVu Serif', 'Liberation Sans', 'Liberation Serif', 'Liberation Mono', 'DejaVu Sans Condensed'];

/** A small deterministic generator (mulberry32): same seed, same images. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export async function renderBanner(spec: BannerSpec): Promise<Buffer> {
  const lineHeight = Math.round(spec.fontSize * 1.4);
  const longest = Math.max(...spec.lines.map((line) => line.length));
  const width = Math.round(longest * spec.fontSize * 0.62 + spec.fontSize * 2);
  const height = lineHeight * spec.lines.length + spec.fontSize * 2;
  const texts = spec.lines
    .map((line, i) => `<text x="${spec.fontSize}" y="${spec.fontSize + lineHeight * (i + 0.8)}" font-family="${spec.font}" font-size="${spec.fontSize}" font-weight="${spec.bold ? 'bold' : 'normal'}" fill="${spec.color}">${escapeXml(line)}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${spec.background}"/><g transform="rotate(${spec.rotate ?? 0} ${width / 2} ${height / 2})">${texts}</g></svg>`;
  let image = sharp(Buffer.from(svg)).flatten({ background: spec.background });
  if (spec.noise) image = sharp(await withNoise(image, spec.noise, spec.seed ?? 1));
  return spec.format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 80 }).toBuffer();
}

async function withNoise(image: sharp.Sharp, amplitude: number, seed: number): Promise<Buffer> {
  const random = seededRandom(seed);
  const { data, info } = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, data[i]! + Math.round((random() * 2 - 1) * amplitude)));
  return sharp(data, { raw: info }).png().toBuffer();
}

export const photoKinds = ['gradient', 'blobs', 'noise', 'skin'] as const;
export type PhotoKind = (typeof photoKinds)[number];

/** A text-free picture: a smooth gradient, soft colour blobs, a noisy texture, or skin-toned shapes on a backdrop. */
export async function renderPhoto(kind: PhotoKind, options: { seed: number; width?: number; height?: number; format?: 'png' | 'jpeg' }): Promise<Buffer> {
  const random = seededRandom(options.seed);
  const width = options.width ?? 480;
  const height = options.height ?? 360;
  const colour = (): string => `rgb(${Math.floor(random() * 256)},${Math.floor(random() * 256)},${Math.floor(random() * 256)})`;
  const skin = (): string => `rgb(${200 + Math.floor(random() * 40)},${150 + Math.floor(random() * 40)},${120 + Math.floor(random() * 40)})`;
  let body = '';
  const defs = `<defs><linearGradient id="g" x1="0" y1="0" x2="${random().toFixed(2)}" y2="1"><stop offset="0" stop-color="${colour()}"/><stop offset="1" stop-color="${colour()}"/></linearGradient><filter id="soft"><feGaussianBlur stdDeviation="${6 + random() * 10}"/></filter></defs>`;
  body += `<rect width="100%" height="100%" fill="url(#g)"/>`;
  if (kind === 'blobs' || kind === 'noise') {
    for (let i = 0; i < 7; i++) body += `<ellipse cx="${random() * width}" cy="${random() * height}" rx="${30 + random() * 120}" ry="${30 + random() * 120}" fill="${colour()}" opacity="0.8" filter="url(#soft)"/>`;
  }
  if (kind === 'skin') {
    body += `<ellipse cx="${width * 0.5}" cy="${height * 0.3}" rx="${width * 0.12}" ry="${height * 0.18}" fill="${skin()}"/>`;
    body += `<rect x="${width * 0.35}" y="${height * 0.45}" width="${width * 0.3}" height="${height * 0.55}" rx="40" fill="${skin()}"/>`;
    body += `<ellipse cx="${width * 0.2}" cy="${height * 0.7}" rx="${width * 0.06}" ry="${height * 0.25}" fill="${skin()}" filter="url(#soft)"/>`;
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${defs}${body}</svg>`;
  let image = sharp(Buffer.from(svg));
  if (kind === 'noise' || kind === 'skin') image = sharp(await withNoise(image, kind === 'noise' ? 40 : 12, options.seed));
  return options.format === 'jpeg' ? image.jpeg({ quality: 82 }).toBuffer() : image.png().toBuffer();
}
