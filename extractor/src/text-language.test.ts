import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adLanguage } from './page-language.js';
import { detectTextLanguage } from './text-language.js';

const samples: Array<[language: string, text: string]> = [
  ['en', 'Hostess wanted in Dubai — $1500 per month. Free flight, visa and accommodation.'],
  ['en', 'Hi gentlemen, I am Anna, visiting Leeds for a few days. Call or text me.'],
  ['es', 'Se busca camarera en Madrid — €1500 al mes. Vuelo, visado y alojamiento gratis.'],
  ['fr', 'Bonjour, je suis Chloé, disponible ce soir à Paris. Appelez-moi pour un rendez-vous.'],
  ['de', 'Hallo, ich bin Lena, neu in Berlin. Ruf mich an, nur für kurze Zeit.'],
  ['it', 'Ciao, sono Giulia, nuova a Milano. Chiamami per un appuntamento.'],
  ['pt', 'Olá, sou a Ana, nova em Lisboa. Ligue para marcar, não atendo números privados.'],
  ['ro', 'Căutăm ospătăriță în Londra — €1500 pe lună. Zbor, viză și cazare gratuite.'],
  ['nl', 'Hallo, ik ben Sanne, nieuw in Amsterdam. Bel me voor een afspraak.'],
  ['pl', 'Praca: kelnerka, Londyn — €1500 miesięcznie. Darmowy przelot, wiza i zakwaterowanie.'],
  ['ru', 'Требуется: официантка, Лондон — €1500 в месяц. Бесплатный перелёт, виза и жильё.'],
  ['uk', 'Потрібні дівчата на роботу в Польщі — зарплата 1500 євро на місяць, житло безкоштовно.'],
  ['zh', '招聘服务员，月薪8000元，包吃住，联系微信'],
];

describe('detectTextLanguage', () => {
  for (const [language, text] of samples) {
    it(`${language}: ${text.slice(0, 40)}`, () => {
      assert.deepEqual(detectTextLanguage(text), { language, clear: true });
    });
  }

  it('gives no language, or no clear one, when the text says too little', () => {
    assert.equal(detectTextLanguage('+1 702 555 0123'), null);
    assert.equal(detectTextLanguage('Anna, 25')?.clear ?? false, false);
  });
});

describe('adLanguage', () => {
  const spanish = detectTextLanguage(samples[2]![1]);
  it('keeps a declaration the text agrees with, region included', () => {
    assert.deepEqual(adLanguage('en-GB', detectTextLanguage(samples[0]![1])), { language: 'en-GB', basis: 'declared' });
  });
  it('prefers the text when it is clearly another language than a site-wide declaration', () => {
    assert.deepEqual(adLanguage('en', spanish), { language: 'es', basis: 'text' });
  });
  it('keeps the declaration when the text is not clear', () => {
    assert.deepEqual(adLanguage('en', { language: 'es', clear: false }), { language: 'en', basis: 'declared' });
  });
  it('uses the text when the page declares nothing', () => {
    assert.deepEqual(adLanguage(null, spanish), { language: 'es', basis: 'text' });
    assert.deepEqual(adLanguage(null, null), { language: null, basis: null });
  });
});
