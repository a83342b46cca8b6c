import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAge } from './ad-age.js';

const cases: Array<[text: string, min: number, max: number, raw: string]> = [
  ['Hi gentlemen, I am Anna, 25 years old, visiting Leeds.', 25, 25, 'I am Anna, 25'],
  ['New girl in town! My name is Anna and I am 24.', 24, 24, 'I am 24'],
  ['Blonde, 25 y.o., new in town', 25, 25, '25 y.o.'],
  ['Age: 22. Height 170 cm', 22, 22, 'Age: 22'],
  ['Tengo 25 años y vivo en Madrid', 25, 25, 'Tengo 25'],
  ["Bonjour, j'ai 22 ans", 22, 22, '22 ans'],
  ['Hallo, ich bin Lena, 27 Jahre alt', 27, 27, 'ich bin Lena, 27'],
  ['Ciao, ho 24 anni', 24, 24, '24 anni'],
  ['Olá, tenho 30 anos', 30, 30, '30 anos'],
  ['Salut, am 23 de ani', 23, 23, '23 de ani'],
  ['Hallo, ik ben 26 jaar', 26, 26, 'ik ben 26'],
  ['Cześć, mam 21 lat', 21, 21, '21 lat'],
  ['Привет, мне 25 лет', 25, 25, 'мне 25'],
  ['Привіт, мені 19 років', 19, 19, 'мені 19'],
  ['我今年22岁，刚到上海', 22, 22, '22岁'],
  ['Hiring girls aged 18 to 35 for work in Dubai.', 18, 35, 'aged 18 to 35'],
  ['Models wanted, 18-35 years old', 18, 35, '18-35 years old'],
  ['Elegant lady, 25 years old, new in town', 25, 25, '25 years old'],
  ['Contrata chicas de 18 a 30 años para trabajar', 18, 30, 'de 18 a 30 años'],
  ['Angajează fete între 18 și 30 ani', 18, 30, 'între 18 și 30 ani'],
  ['Приглашает девушек от 18 до 30 лет', 18, 30, 'от 18 до 30 лет'],
  ['Zatrudni dziewczyny w wieku od 18 do 30 lat', 18, 30, 'w wieku od 18 do 30 lat'],
  // Under 18 is a key signal: kept as stated.
  ['Sweet girl, 16 years old', 16, 16, '16 years old'],
];

describe('findAge', () => {
  for (const [text, min, max, raw] of cases) {
    it(text, () => {
      const age = findAge({ text });
      assert.ok(age, 'an age');
      assert.deepEqual([age.min, age.max, age.raw, age.source], [min, max, raw, 'text']);
      assert.equal(text.slice(age.start, age.end), raw);
    });
  }

  it('refuses absurd ages, durations, requirements and measurements', () => {
    for (const text of ['age: 7', 'Age 120', 'over 10 years of experience', 'must be 18 years or older', 'I am 30 minutes from downtown', `I'm 5'6"`, 'Open from 10 to 22', 'hace 20 años', 'Age 18+ only']) {
      assert.equal(findAge({ text }), null, text);
    }
  });

  it('reads the title only when the text states no age', () => {
    assert.deepEqual(findAge({ text: "Hello, I'm Anna.", title: 'Anna, 25 — new in Leeds' }), { min: 25, max: 25, raw: '25', source: 'title', start: 6, end: 8 });
    assert.deepEqual(findAge({ text: 'Hello', title: 'Sweet Anna (23) available today' })?.raw, '(23)');
    assert.equal(findAge({ text: 'I am 29.', title: 'Anna, 25' })?.min, 29);
  });

  it('finishes quickly on adversarial input', () => {
    for (const text of ['1'.repeat(1_000_000), '+('.repeat(500_000), '25 '.repeat(300_000), 'aged '.repeat(200_000)]) {
      const started = performance.now();
      findAge({ text });
      assert.ok(performance.now() - started < 2000, `${text.slice(0, 6)}… took too long`);
    }
  });
});
