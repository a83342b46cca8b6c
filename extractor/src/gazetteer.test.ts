import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPlaces } from './gazetteer.js';

const cities = (text: string) => findPlaces(text).filter((p) => p.kind === 'city').map((p) => [p.name, p.country, text.slice(p.start, p.end)]);

describe('findPlaces', () => {
  it('reports a city by its English name, however the text spells it', () => {
    assert.deepEqual(cities('Arbeit in München, Praca w Warszawie, Muncă în Bucureşti, Работа в Москве'), [
      ['Munich', 'DE', 'München'],
      ['Warsaw', 'PL', 'Warszawie'],
      ['Bucharest', 'RO', 'Bucureşti'],
      ['Moscow', 'RU', 'Москве'],
    ]);
    assert.deepEqual(cities('Lucru în București; trabajo en Sevilla; робота у Києві'), [
      ['Bucharest', 'RO', 'București'],
      ['Seville', 'ES', 'Sevilla'],
      ['Kyiv', 'UA', 'Києві'],
    ]);
  });

  it("resolves the testbed's destinations in each recruitment language", () => {
    const written = ['Dubái', 'Дубай', 'Dubaj', 'Estambul', 'Стамбул', 'Stambuł', 'Madryt', 'Мадрид', 'Berlín', 'Берлин', 'Milán', 'Milano', 'Mediolan', 'Милан',
      'Limasol', 'Лимасол', 'Ámsterdam', 'Амстердам', 'Londres', 'Londra', 'Londyn', 'Лондон', 'Sídney', 'Сидней', 'Лас-Вегас'];
    const expected = ['AE', 'AE', 'AE', 'TR', 'TR', 'TR', 'ES', 'ES', 'DE', 'DE', 'IT', 'IT', 'IT', 'IT', 'CY', 'CY', 'NL', 'NL', 'GB', 'GB', 'GB', 'GB', 'AU', 'AU', 'US'];
    assert.deepEqual(written.map((name) => findPlaces(`Trabajo: ${name}, ok`)[0]?.country), expected);
  });

  it('knows country names in the ad languages', () => {
    const countries = (text: string) => findPlaces(text).map((p) => [p.country, p.kind]);
    assert.deepEqual(countries('Emiratos Árabes Unidos · Regatul Unit · Zjednoczone Emiraty Arabskie · Германия · Niemcy · 中国'), [
      ['AE', 'country'], ['GB', 'country'], ['AE', 'country'], ['DE', 'country'], ['DE', 'country'], ['CN', 'country'],
    ]);
  });

  it('finds Han names inside Chinese text, which has no spaces', () => {
    assert.deepEqual(cities('我在北京和上海工作'), [['Beijing', 'CN', '北京'], ['Shanghai', 'CN', '上海']]);
  });

  it('keeps words and first names out: capitals in running text, names that are also first names not looked for', () => {
    assert.deepEqual(cities('paris hilton and sofia are in town; Florence says hi'), []);
    assert.deepEqual(cities('Visiting Firenze and София'), [['Florence', 'IT', 'Firenze'], ['Sofia', 'BG', 'София']]);
  });
});
