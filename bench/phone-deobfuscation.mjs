// Quick throughput check for the phone de-obfuscation steps (issue 3, Speed): ~500-character
// ad-like texts through extractIndicators against a plain libphonenumber-js findNumbers loop over
// the same texts, in the same run, one core; then the adversarial inputs.
// Usage: node bench/phone-deobfuscation.mjs [count]   (build the extractor first)
import { findNumbers } from 'libphonenumber-js/max';
import { extractIndicators } from '../extractor/dist/extract-indicators.js';

const count = Number(process.argv[2] ?? 100_000);
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (items) => items[Math.floor(random() * items.length)];
const digits = (n) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

const fillers = [
  'Sweet and discreet companion, new in town this week.', 'Available for outcalls and incalls, clean and friendly.',
  'Photos are 100% real, no rush, no games.', 'Posted 12.03.2024, viewed 12345 views.', 'Rates: 200 EUR/hr, 500 for the night.',
  'Measurements 34-24-36, 25 y.o., 170 cm, 1.70 m.', 'Open 10:00-22:00 every day, Mon-Sun.', 'Ad ID: 48213377 Ref 2024-00123.',
  'Someone often said that one night is ten minutes too short.', 'Located near Seven Dials, central London.',
];
const phoneStyles = [
  () => `(702) 555-01${digits(2)}`, () => `702.555.01${digits(2)}`, () => `+44 7700 900${digits(3)}`,
  () => `seven zero two five five five zero one ${pick(['two', 'three', 'four'])} ${pick(['one', 'five', 'nine'])}`,
  () => `7O2 555 Ol${digits(2)}`, () => `７０２５５５０１${digits(2)}`, () => `702*555*01${digits(2)}`,
  () => `0491 570 ${digits(3)}`, () => `call me`,
];
function makeText() {
  const parts = [];
  while (parts.join(' ').length < 450) parts.push(pick(fillers));
  parts.splice(Math.floor(random() * parts.length), 0, `Call ${pick(phoneStyles)()}`);
  return parts.join(' ').slice(0, 520);
}
const texts = Array.from({ length: count }, makeText);

function time(label, fn) {
  const start = process.hrtime.bigint();
  let found = 0;
  for (const text of texts) found += fn(text);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label}: ${(texts.length / seconds).toFixed(0)} texts/s (${found} phones, ${seconds.toFixed(2)} s)`);
  return texts.length / seconds;
}

// Warm both up on a slice so neither pays the other's JIT time.
for (const text of texts.slice(0, 2000)) {
  findNumbers(text, { defaultCountry: 'US', v2: true });
  extractIndicators(text, { captureId: 't', source: 'text', defaultCountry: 'US' });
}
const baseline = time('libphonenumber findNumbers', (text) => findNumbers(text, { defaultCountry: 'US', v2: true }).length);
const ours = time('extractIndicators', (text) => extractIndicators(text, { captureId: 't', source: 'text', defaultCountry: 'US' }).filter((i) => i.type === 'phone').length);
console.log(`ratio: ${(ours / baseline).toFixed(2)}x`);

const adversarial = {
  '1 MB of digits': '7'.repeat(1_000_000),
  '1 MB of "+("': '+('.repeat(500_000),
  '1 MB of spaced digits': Array.from({ length: 500_000 }, () => digits(1)).join(' '),
  '1 MB of mixed scripts': Array.from({ length: 100_000 }, () => pick(['٣', 'seven', '७', '𝟕', 'О', 'l', ' ', '-', 'двa', '五', '①', 'x'])).join('').slice(0, 1_000_000),
  '1 MB of number words': Array.from({ length: 120_000 }, () => pick(['six', 'two', 'oh', 'double'])).join('').slice(0, 1_000_000),
};
for (const [label, text] of Object.entries(adversarial)) {
  const start = process.hrtime.bigint();
  const found = extractIndicators(text, { captureId: 't', source: 'text', defaultCountry: 'US' }).length;
  console.log(`${label}: ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms (${found} indicators)`);
}
