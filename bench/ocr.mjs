#!/usr/bin/env node
// bench/ocr: OCR figures on the testbed's image-ad site (picture-board.test), where every contact is
// only inside a picture.
//
//   node bench/ocr.mjs [--ads 1500] [--seed 1] [--skip-cli]
//
// 1. Recall through the real path: a testbed on 127.0.0.1 serves the ad pages and their pictures;
//    each distinct picture (by sha256: a contact card reused on many ads is read once) goes through
//    readImages (decode, "has text" pre-filter, preprocessing, tesseract.js pool of 2 workers), then
//    each ad page through extractPage with its imageReadings. Phone indicators with an `ocr`
//    provenance are compared with imageAdTruth().ocrPhones (each ad and phone written only in its
//    pictures). Pre-filter misses count as misses. Precision: OCR phones the truth does not list.
// 2. Pre-filter: of the distinct text-free photos, how many it skipped; of the text pictures, how
//    many it wrongly skipped.
// 3. OCR images/s on the same preprocessed PNGs (the text pictures the pre-filter passed):
//    tesseract.js (2 workers, warm) against Debian's `tesseract` CLI (2 processes, OMP_THREAD_LIMIT=1,
//    the same npm LSTM models gunzipped, the same --oem/--dpi). The CLI loads its models for every
//    image ("cold"), so it also runs warm: one process per half of the images over a list file.
import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { captureIdFor, sha256Hex } from '@indicia/core';
import { decodeGray, detectText, extractIndicators, extractPage, OcrPool, preprocessForOcr, readImages } from '@indicia/extractor';
import { imageAdTruth, startTestbed } from '@indicia/testbed';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import sharp from 'sharp';
import { languageDataFile } from '../extractor/dist/images/ocr-language-data.js';

const run = promisify(execFile);
const { values } = parseArgs({ options: { ads: { type: 'string', default: '1500' }, seed: { type: 'string', default: '1' }, 'skip-cli': { type: 'boolean', default: false } } });
const adCount = Number(values.ads);
const seed = Number(values.seed);
const imageHost = 'picture-board.test';
const ocrLanguages = 'eng+spa';
const loadBefore = loadavg();
const round = (value, digits = 3) => Number(value.toFixed(digits));
const log = (line) => console.error(line);

// ---- Truth and testbed -------------------------------------------------------------------------
let started = performance.now();
const truth = await imageAdTruth({ seed, ads: adCount });
log(`truth for ${adCount} ads: ${Math.round(performance.now() - started)} ms`);
const truthByUrl = new Map(truth.images.map((image) => [image.url, image]));
const adUrls = [...new Set(truth.images.filter((image) => image.url.startsWith(`http://${imageHost}/`)).flatMap((image) => image.ads))].filter((url) => url.startsWith(`http://${imageHost}/`));
const phonesByAd = new Map();
for (const { ad, phone } of truth.ocrPhones) phonesByAd.set(ad, [...(phonesByAd.get(ad) ?? []), phone]);

const testbed = await startTestbed({ seed, ads: adCount, logRequests: false });
const origin = new URL(testbed.originUrl);
/** GET from the testbed's origin server, naming the site in the Host header. */
function get(url) {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: origin.hostname, port: origin.port, path: `${target.pathname}${target.search}`, headers: { host: target.host } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${url}: HTTP ${res.statusCode}`))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
/** The media type from the bytes, as the crawler sniffs it (never the server's header). */
function sniff(bytes) {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return 'application/octet-stream';
}

started = performance.now();
const pages = [];
const capturedByUrl = new Map();
let next = 0;
await Promise.all([0, 1].map(async () => {
  while (next < adUrls.length) {
    const url = adUrls[next++];
    const body = (await get(url)).toString('utf8');
    const imageUrls = [...body.matchAll(/<img src="([^"]+)"/g)].map((match) => new URL(match[1], url).href);
    for (const imageUrl of imageUrls) {
      if (capturedByUrl.has(imageUrl)) continue;
      capturedByUrl.set(imageUrl, null);
      const bytes = await get(imageUrl);
      const { width, height } = await sharp(bytes).metadata();
      const sha256 = sha256Hex(bytes);
      if (truthByUrl.get(imageUrl)?.sha256 !== sha256) throw new Error(`${imageUrl} served bytes the truth does not know`);
      capturedByUrl.set(imageUrl, { url: imageUrl, sha256, bytes: bytes.length, mediaType: sniff(bytes), width, height, data: bytes.toString('base64') });
    }
    pages.push({ url, body, imageUrls });
  }
}));
await testbed.close();
log(`fetched ${pages.length} ad pages and ${capturedByUrl.size} picture URLs: ${Math.round(performance.now() - started)} ms`);

// ---- Real path: readImages once per distinct picture, then extractPage per ad ------------------
const distinct = [...new Map([...capturedByUrl.values()].map((image) => [image.sha256, image])).values()];
const pool = new OcrPool({ workers: 2 });
started = performance.now();
await pool.recognize(await sharp({ create: { width: 64, height: 32, channels: 3, background: '#ffffff' } }).png().toBuffer());
const warmupMs = performance.now() - started;
started = performance.now();
const readings = await readImages(distinct, { ocr: pool });
const readSeconds = (performance.now() - started) / 1000;
const readingBySha = new Map(readings.map((reading) => [reading.sha256, reading]));
log(`readImages over ${distinct.length} distinct pictures: ${readSeconds.toFixed(1)} s`);

let expected = 0;
let found = 0;
let extra = 0;
let ocrPhonesFound = 0;
const misses = [];
const falsePhones = [];
const adsNotDetected = [];
for (const page of pages) {
  const images = page.imageUrls.map((url) => capturedByUrl.get(url));
  const imageReadings = images.map((image) => ({ ...readingBySha.get(image.sha256), url: image.url }));
  const fetchedAt = new Date().toISOString();
  const bodySha256 = sha256Hex(page.body);
  const captured = {
    captureId: captureIdFor(page.url, fetchedAt, bodySha256), url: page.url, finalUrl: page.url, canonicalUrl: page.url, site: imageHost, depth: 1,
    status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-type': 'text/html; charset=utf-8' }, fetchedAt, proxy: null, fetchMode: 'http',
    bodySha256, bodyBytes: Buffer.byteLength(page.body), truncated: false, body: page.body, images, refusedImages: [], screenshotSha256: null, needsBrowser: false,
  };
  const { ad, kind } = extractPage(captured, { imageReadings });
  const truthPhones = phonesByAd.get(page.url) ?? [];
  const ocrPhones = new Set((ad?.indicators ?? []).filter((i) => i.type === 'phone' && i.provenance.some((p) => p.source === 'ocr')).map((i) => i.value));
  if (kind !== 'ad' && truthPhones.length > 0) adsNotDetected.push(page.url);
  expected += truthPhones.length;
  ocrPhonesFound += ocrPhones.size;
  for (const phone of truthPhones) {
    if (ocrPhones.has(phone)) {
      found++;
      continue;
    }
    const holders = images.filter((image) => truthByUrl.get(image.url).phones.includes(phone)).map((image) => readingBySha.get(image.sha256));
    const statuses = holders.map((reading) => reading.ocr.status);
    misses.push({
      ad: page.url, phone, kind,
      why: statuses.every((status) => status === 'no-text') ? 'pre-filter skipped the picture' : statuses.some((status) => status === 'read') ? 'OCR text holds no such phone' : statuses.join(', '),
      images: holders.map((reading) => ({ url: reading.url, drawn: truthByUrl.get(reading.url).text, read: reading.ocr.text, reason: reading.ocr.reason })),
    });
  }
  for (const phone of ocrPhones) {
    if (truthPhones.includes(phone)) continue;
    extra++;
    falsePhones.push({ ad: page.url, phone });
  }
}

// ---- Pre-filter --------------------------------------------------------------------------------
const textPictures = distinct.filter((image) => truthByUrl.get(image.url).hasText);
const photos = distinct.filter((image) => !truthByUrl.get(image.url).hasText);
const statusOf = (image) => readingBySha.get(image.sha256).ocr.status;
const preFilter = {
  textFreePhotos: photos.length,
  photosSkipped: photos.filter((image) => statusOf(image) === 'no-text').length,
  textPictures: textPictures.length,
  textPicturesWronglySkipped: textPictures.filter((image) => statusOf(image) === 'no-text').length,
  textPicturesWithPhones: textPictures.filter((image) => truthByUrl.get(image.url).phones.length > 0).length,
  textPicturesFailed: textPictures.filter((image) => statusOf(image) === 'failed').length,
};

// ---- Engines on the same preprocessed PNGs ---------------------------------------------------
const passed = textPictures.filter((image) => statusOf(image) === 'read');
const prepared = [];
started = performance.now();
for (const image of passed) {
  const gray = await decodeGray(Buffer.from(image.data, 'base64'), { maxPixels: 40e6 });
  const presence = await detectText(gray);
  prepared.push({ image, png: await preprocessForOcr(gray, { glyphHeight: presence.glyphHeight }) });
}
const prepareMsPerImage = (performance.now() - started) / Math.max(1, passed.length);

const countryOf = (e164) => parsePhoneNumberFromString(e164)?.country;
/** Share of the truth's phones (picture by picture) an engine's text yields, read with the phone's own country. */
function phoneRecall(texts) {
  let wanted = 0;
  let got = 0;
  texts.forEach((text, i) => {
    for (const phone of truthByUrl.get(prepared[i].image.url).phones) {
      wanted++;
      if (extractIndicators(text, { captureId: 'bench', source: 'ocr', defaultCountry: countryOf(phone) }).some((ind) => ind.type === 'phone' && ind.value === phone)) got++;
    }
  });
  return wanted === 0 ? null : round(got / wanted);
}

started = performance.now();
const jsTexts = (await Promise.all(prepared.map((p) => pool.recognize(p.png)))).map((outcome) => (outcome.ok ? outcome.text : ''));
const jsFirstSeconds = (performance.now() - started) / 1000;
log(`tesseract.js: ${prepared.length} images in ${jsFirstSeconds.toFixed(1)} s`);

let cli = null;
if (!values['skip-cli']) {
  const work = mkdtempSync(join(tmpdir(), 'indicia-bench-ocr-'));
  try {
    const tessdata = join(work, 'tessdata');
    mkdirSync(tessdata);
    for (const language of ['eng', 'spa']) writeFileSync(join(tessdata, `${language}.traineddata`), gunzipSync(readFileSync(languageDataFile(language))));
    const files = prepared.map((p, i) => {
      const file = join(work, `${i}.png`);
      writeFileSync(file, p.png);
      return file;
    });
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    const cliArgs = ['-l', ocrLanguages, '--tessdata-dir', tessdata, '--oem', '1', '--dpi', '300'];

    // Cold: one process per image (models loaded every time), two at a time.
    const coldTexts = new Array(files.length);
    let nextFile = 0;
    started = performance.now();
    await Promise.all([0, 1].map(async () => {
      while (nextFile < files.length) {
        const i = nextFile++;
        coldTexts[i] = (await run('tesseract', [files[i], 'stdout', ...cliArgs], { env })).stdout;
      }
    }));
    const coldSeconds = (performance.now() - started) / 1000;
    log(`tesseract CLI, a process per image: ${coldSeconds.toFixed(1)} s`);

    // Warm: two processes, each reading half the images from a list file; pages end with a form feed.
    const halves = [files.filter((_, i) => i % 2 === 0), files.filter((_, i) => i % 2 === 1)];
    started = performance.now();
    const outputs = await Promise.all(halves.map(async (half, h) => {
      const list = join(work, `list-${h}.txt`);
      writeFileSync(list, `${half.join('\n')}\n`);
      return (await run('tesseract', [list, 'stdout', ...cliArgs], { env, maxBuffer: 64 * 1024 * 1024 })).stdout.split('\f');
    }));
    const warmSeconds = (performance.now() - started) / 1000;
    log(`tesseract CLI, a list per process: ${warmSeconds.toFixed(1)} s`);
    const warmTexts = files.map((_, i) => outputs[i % 2][Math.floor(i / 2)] ?? '');
    const pagesRead = outputs.reduce((sum, pagesOut) => sum + pagesOut.filter((text, k) => k < pagesOut.length - 1 || text.trim() !== '').length, 0);
    cli = {
      version: (await run('tesseract', ['--version'])).stdout.split('\n')[0],
      processes: 2,
      ompThreadLimit: 1,
      coldProcessPerImage: { imagesPerSecond: round(files.length / coldSeconds, 2), phoneRecall: phoneRecall(coldTexts) },
      warmListFile: { imagesPerSecond: round(files.length / warmSeconds, 2), phoneRecall: phoneRecall(warmTexts), pagesSplit: pagesRead },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// tesseract.js again after the CLI: other work on the machine shifts between passes, so its rate is
// the mean of a pass before and a pass after the CLI runs (both reported).
started = performance.now();
await Promise.all(prepared.map((p) => pool.recognize(p.png)));
const jsSecondSeconds = (performance.now() - started) / 1000;
await pool.close();
const jsSeconds = (jsFirstSeconds + jsSecondSeconds) / 2;
log(`tesseract.js again: ${jsSecondSeconds.toFixed(1)} s`);

// ---- Results -----------------------------------------------------------------------------------
const jsRate = prepared.length / jsSeconds;
const result = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, availableParallelism: availableParallelism(), model: cpus()[0]?.model, memoryGiB: round(totalmem() / 2 ** 30, 1), node: process.version },
  loadAverage: { before: loadBefore.map((v) => round(v, 2)), after: loadavg().map((v) => round(v, 2)) },
  testbed: { seed, ads: adCount, imageSiteAds: pages.length, pictureUrls: capturedByUrl.size, distinctPictures: distinct.length, reusedPictureUrls: capturedByUrl.size - distinct.length },
  languages: `${ocrLanguages} (npm @tesseract.js-data, 4.0.0_best_int, LSTM only) for both engines`,
  realPath: {
    note: 'served ad pages → readImages (pre-filter, preprocessing, tesseract.js 2 workers) once per distinct picture → extractPage(imageReadings) → phone indicators with source ocr, against imageAdTruth().ocrPhones; no defaultCountry given',
    adPhonesExpected: expected,
    adPhonesFound: found,
    phoneRecall: round(found / expected),
    ocrPhonesReported: ocrPhonesFound,
    phonesNotInTruth: extra,
    phonePrecision: ocrPhonesFound === 0 ? null : round((ocrPhonesFound - extra) / ocrPhonesFound),
    adsWithPicturePhonesNotDetectedAsAds: adsNotDetected.length,
    readImagesPerSecond: round(distinct.length / readSeconds, 2),
    readImagesNote: 'all distinct pictures, photos included: decode, dHash, pre-filter, preprocessing and OCR of those that pass',
  },
  preFilter,
  engines: {
    images: prepared.length,
    note: 'the same preprocessed PNGs (text pictures the pre-filter passed); preprocessing is shared and timed apart',
    preprocessMsPerImage: round(prepareMsPerImage, 1),
    tesseractJs: { workers: 2, warmupMs: Math.round(warmupMs), imagesPerSecond: round(jsRate, 2), passesImagesPerSecond: [round(prepared.length / jsFirstSeconds, 2), round(prepared.length / jsSecondSeconds, 2)], phoneRecall: phoneRecall(jsTexts) },
    nativeCli: cli,
    ratioToColdCli: cli ? round(jsRate / cli.coldProcessPerImage.imagesPerSecond, 2) : null,
    ratioToWarmCli: cli ? round(jsRate / cli.warmListFile.imagesPerSecond, 2) : null,
  },
  misses,
  falsePhones,
};
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/ocr.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);

const rows = [
  ['OCR phone recall (image-ad site, real path)', `${result.realPath.phoneRecall} (${found}/${expected})`, 'target ≥ 0.95'],
  ['OCR phone precision', `${result.realPath.phonePrecision} (${extra} not in truth)`, ''],
  ['pre-filter: photos skipped', `${preFilter.photosSkipped}/${preFilter.textFreePhotos}`, ''],
  ['pre-filter: text pictures wrongly skipped', `${preFilter.textPicturesWronglySkipped}/${preFilter.textPictures}`, ''],
  ['readImages, all distinct pictures', `${result.realPath.readImagesPerSecond} images/s`, `${distinct.length} pictures`],
  ['tesseract.js pool (2 workers)', `${result.engines.tesseractJs.imagesPerSecond} images/s`, `recall ${result.engines.tesseractJs.phoneRecall}`],
];
if (cli) {
  rows.push(['tesseract CLI, process per image (×2)', `${cli.coldProcessPerImage.imagesPerSecond} images/s`, `recall ${cli.coldProcessPerImage.phoneRecall}`]);
  rows.push(['tesseract CLI, list file per process (×2)', `${cli.warmListFile.imagesPerSecond} images/s`, `recall ${cli.warmListFile.phoneRecall}`]);
  rows.push(['ratio tesseract.js / CLI cold, / CLI warm', `${result.engines.ratioToColdCli}×, ${result.engines.ratioToWarmCli}×`, 'aim ≥ 0.5×']);
}
const widths = [0, 1].map((c) => Math.max(...rows.map((row) => row[c].length)));
console.log(rows.map((row) => `${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2]}`).join('\n'));
console.log(`load average ${result.loadAverage.before.join(' ')} → ${result.loadAverage.after.join(' ')}; results in bench/results/ocr.json`);
