#!/usr/bin/env node
// bench/ocr: OCR images/s of the tesseract.js pool (2 workers) against Debian's native `tesseract`
// CLI (2 processes at a time, OMP_THREAD_LIMIT=1) on the same preprocessed images in the same run,
// with phone recall of both; then recall of tesseract.js with each preprocessing step added in turn,
// and what the "has text" pre-filter passes.
//
//   node bench/ocr.mjs [--images 100] [--seed 7]
//
// Images: synthetic ad banners rendered with sharp from SVG (fictional numbers; fonts, colours,
// sizes, tilt, noise, PNG and JPEG) and text-free photos. Both engines use the same models: the
// LSTM integer models of @tesseract.js-data/eng and /spa (gunzipped into a tessdata folder for the CLI).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { extractIndicators, decodeGray, detectText, OcrPool, preprocessForOcr } from '@indicia/extractor';
import { bannerFonts, photoKinds, renderBanner, renderPhoto, seededRandom } from '../extractor/dist/images/test-support/synthetic-images.js';
import { languageDataFile } from '../extractor/dist/images/ocr-language-data.js';

const run = promisify(execFile);
const { values } = parseArgs({ options: { images: { type: 'string', default: '100' }, seed: { type: 'string', default: '7' } } });
const count = Number(values.images);
const random = seededRandom(Number(values.seed));
const pick = (list) => list[Math.floor(random() * list.length)];
const work = mkdtempSync(join(tmpdir(), 'indicia-bench-ocr-'));

const palettes = [['#111111', '#ffffff'], ['#ffffff', '#c0392b'], ['#ffee00', '#222244'], ['#555555', '#eeeeee'], ['#0044aa', '#f5e6c8'], ['#ff66cc', '#000000'], ['#1a1a1a', '#ffd6e0']];
const leads = [['Call me', 'Llámame'], ['WhatsApp', 'Text'], ['Sofia new in town', 'Chica nueva'], ['Book now', 'Reserva ya']];
function fictionalPhone() {
  const kind = Math.floor(random() * 3);
  const n = (digits) => String(Math.floor(random() * 10 ** digits)).padStart(digits, '0');
  if (kind === 0) {
    const area = pick(['702', '213', '312']);
    const line = `01${n(2)}`;
    return { country: 'US', e164: `+1${area}555${line}`, shown: pick([`(${area}) 555-${line}`, `+1 ${area} 555 ${line}`, `${area}.555.${line}`]) };
  }
  if (kind === 1) {
    const tail = n(3);
    return { country: 'GB', e164: `+447700900${tail}`, shown: pick([`07700 900${tail}`, `+44 7700 900${tail}`, `07700 900 ${tail}`]) };
  }
  const tail = n(3);
  return { country: 'AU', e164: `+61491570${tail}`, shown: pick([`0491 570 ${tail}`, `+61 491 570 ${tail}`]) };
}

console.error(`rendering ${count} ad images and ${Math.round(count / 5)} photos...`);
const images = [];
for (let i = 0; i < count; i++) {
  const phone = fictionalPhone();
  const [color, background] = pick(palettes);
  const lead = pick(pick(leads));
  const bytes = await renderBanner({
    lines: random() < 0.5 ? [`${lead} ${phone.shown}`] : [lead, phone.shown],
    font: pick(bannerFonts),
    fontSize: 12 + Math.floor(random() * 40),
    bold: random() < 0.3,
    color,
    background,
    rotate: Math.round((random() * 6 - 3) * 10) / 10,
    noise: random() < 0.3 ? 10 + Math.floor(random() * 30) : 0,
    format: random() < 0.5 ? 'png' : 'jpeg',
    seed: i + 1,
  });
  images.push({ bytes, phone });
}
const photos = [];
for (let i = 0; i < Math.round(count / 5); i++) photos.push(await renderPhoto(photoKinds[i % photoKinds.length], { seed: 1000 + i, format: i % 2 ? 'jpeg' : 'png' }));

// Pre-filter and preprocessing (shared by both engines, so timed apart from OCR).
let started = performance.now();
const prepared = [];
let passed = 0;
for (const image of images) {
  const gray = await decodeGray(image.bytes, { maxPixels: 40e6 });
  const presence = await detectText(gray);
  if (presence.hasText) passed++;
  prepared.push({ ...image, gray, glyphHeight: presence.glyphHeight, png: await preprocessForOcr(gray, { glyphHeight: presence.glyphHeight }) });
}
const prepareMs = performance.now() - started;
let photosPassed = 0;
started = performance.now();
for (const photo of photos) if ((await detectText(await decodeGray(photo, { maxPixels: 40e6 }))).hasText) photosPassed++;
const photoFilterMs = performance.now() - started;

const phoneFound = (text, phone) => extractIndicators(text, { captureId: 'bench', source: 'ocr', defaultCountry: phone.country }).some((i) => i.type === 'phone' && i.value === phone.e164);
const recallOf = (texts) => texts.filter((text, i) => phoneFound(text, prepared[i].phone)).length / texts.length;

// tesseract.js: 2 workers, warm-up (engine + languages) timed apart.
const pool = new OcrPool({ workers: 2 });
started = performance.now();
await pool.recognize(prepared[0].png);
const warmupMs = performance.now() - started;
started = performance.now();
const jsTexts = (await Promise.all(prepared.map((p) => pool.recognize(p.png)))).map((o) => (o.ok ? o.text : ''));
const jsSeconds = (performance.now() - started) / 1000;

// Native CLI: the same PNGs and models, two processes at a time, one thread each.
const tessdata = join(work, 'tessdata');
mkdirSync(tessdata);
for (const language of ['eng', 'spa']) writeFileSync(join(tessdata, `${language}.traineddata`), gunzipSync(readFileSync(languageDataFile(language))));
prepared.forEach((p, i) => writeFileSync(join(work, `${i}.png`), p.png));
const cliTexts = new Array(prepared.length);
let next = 0;
started = performance.now();
await Promise.all(
  [0, 1].map(async () => {
    while (next < prepared.length) {
      const i = next++;
      const { stdout } = await run('tesseract', [join(work, `${i}.png`), 'stdout', '-l', 'eng+spa', '--tessdata-dir', tessdata, '--oem', '1', '--dpi', '300'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
      cliTexts[i] = stdout;
    }
  }),
);
const cliSeconds = (performance.now() - started) / 1000;

// What each preprocessing step adds to tesseract.js recall.
const variants = {
  'gray only': { scale: false, normalise: false, threshold: false },
  'gray + scale': { scale: true, normalise: false, threshold: false },
  'gray + scale + normalise': { scale: true, normalise: true, threshold: false },
  'gray + scale + normalise + Otsu threshold (default)': { scale: true, normalise: true, threshold: true },
  'gray + normalise + Otsu threshold (no scale)': { scale: false, normalise: true, threshold: true },
};
const stepRecall = {};
for (const [name, steps] of Object.entries(variants)) {
  const pngs = await Promise.all(prepared.map((p) => preprocessForOcr(p.gray, { glyphHeight: p.glyphHeight, steps })));
  const texts = (await Promise.all(pngs.map((png) => pool.recognize(png)))).map((o) => (o.ok ? o.text : ''));
  stepRecall[name] = Number(recallOf(texts).toFixed(3));
  console.error(`${name}: recall ${stepRecall[name]}`);
}
await pool.close();
rmSync(work, { recursive: true, force: true });

const result = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model },
  images: prepared.length,
  textFreePhotos: photos.length,
  languages: 'eng+spa (npm @tesseract.js-data, 4.0.0_best_int, LSTM only) for both engines',
  preFilter: {
    textImagesPassed: passed,
    photosPassed,
    msPerImage: Number(((prepareMs / prepared.length)).toFixed(1)),
    photoMsPerImage: Number((photoFilterMs / photos.length).toFixed(1)),
    note: 'msPerImage includes decode, pre-filter and preprocessing',
  },
  tesseractJs: { workers: 2, warmupMs: Math.round(warmupMs), imagesPerSecond: Number((prepared.length / jsSeconds).toFixed(2)), phoneRecall: Number(recallOf(jsTexts).toFixed(3)) },
  nativeCli: { processes: 2, ompThreadLimit: 1, imagesPerSecond: Number((prepared.length / cliSeconds).toFixed(2)), phoneRecall: Number(recallOf(cliTexts).toFixed(3)) },
  ratio: Number((cliSeconds / jsSeconds).toFixed(2)),
  recallByPreprocessing: stepRecall,
};
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/ocr.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
