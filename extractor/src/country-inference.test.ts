import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inferDefaultCountry } from './country-inference.js';

const neutral = { url: 'http://ads.test/ads/1', htmlLang: null, text: 'Sweet and discreet.', location: null };

describe('inferDefaultCountry', () => {
  it('takes the site configuration first', () => {
    const result = inferDefaultCountry({ ...neutral, url: 'http://ads.co.uk/1', htmlLang: 'de-DE', siteConfig: { host: 'ads.co.uk', defaultCountry: 'au' } });
    assert.deepEqual(result, { country: 'AU', basis: 'site-config' });
  });

  it('then the country-code TLD of the host', () => {
    assert.deepEqual(inferDefaultCountry({ ...neutral, url: 'http://anzeigen.example.de/x', htmlLang: 'en-US' }), { country: 'DE', basis: 'cctld' });
    assert.deepEqual(inferDefaultCountry({ ...neutral, url: 'https://ads.example.co.uk/x' }), { country: 'GB', basis: 'cctld' });
    assert.deepEqual(inferDefaultCountry({ ...neutral, url: 'https://ads.example.com.au/x' }), { country: 'AU', basis: 'cctld' });
  });

  it('ignores generic and vanity TLDs', () => {
    for (const url of ['http://ads.test/x', 'http://ads.example.com/x', 'http://ads.io/x', 'http://ads.tv/x', 'http://ads.eu/x', 'http://127.0.0.1:8080/x']) {
      assert.equal(inferDefaultCountry({ ...neutral, url }), null, url);
    }
  });

  it('then the region of the page language', () => {
    assert.deepEqual(inferDefaultCountry({ ...neutral, htmlLang: 'en-GB' }), { country: 'GB', basis: 'html-lang' });
    assert.deepEqual(inferDefaultCountry({ ...neutral, htmlLang: 'pt_BR' }), { country: 'BR', basis: 'html-lang' });
    assert.deepEqual(inferDefaultCountry({ ...neutral, htmlLang: 'sr-Latn-RS' }), { country: 'RS', basis: 'html-lang' });
    assert.equal(inferDefaultCountry({ ...neutral, htmlLang: 'en' }), null);
    assert.equal(inferDefaultCountry({ ...neutral, htmlLang: 'es-419' }), null);
  });

  it('then the location field, any case, cities before countries, US/AU/CA region codes', () => {
    assert.deepEqual(inferDefaultCountry({ ...neutral, location: 'Las Vegas, NV' }), { country: 'US', basis: 'location' });
    assert.deepEqual(inferDefaultCountry({ ...neutral, location: 'central LONDON' }), { country: 'GB', basis: 'location' });
    assert.deepEqual(inferDefaultCountry({ ...neutral, location: 'Parramatta, NSW' }), { country: 'AU', basis: 'location' });
    assert.deepEqual(inferDefaultCountry({ ...neutral, location: 'Germany, München' }), { country: 'DE', basis: 'location' });
    assert.deepEqual(inferDefaultCountry({ ...neutral, location: 'Poland' }), { country: 'PL', basis: 'location' });
  });

  it('then places named in the text, cities weighing more than countries', () => {
    assert.deepEqual(inferDefaultCountry({ ...neutral, text: 'New in Melbourne this week.' }), { country: 'AU', basis: 'text-mention' });
    assert.deepEqual(inferDefaultCountry({ ...neutral, text: 'Work for girls from Ukraine in Berlin or Hamburg.' }), { country: 'DE', basis: 'text-mention' });
  });

  it('does not mistake names and lowercase words for places', () => {
    assert.equal(inferDefaultCountry({ ...neutral, text: 'Charlotte and Sofia, a nice pair, reading in paris style.' }), null);
  });

  it('takes an explicit hint before everything', () => {
    const result = inferDefaultCountry({ url: 'http://ads.example.fr/1', htmlLang: 'en-GB', text: 'Visiting London', location: 'London', hint: 'pl', siteConfig: { host: 'ads.example.fr', defaultCountry: 'AU' } });
    assert.deepEqual(result, { country: 'PL', basis: 'hint' });
  });

  it('then a language spoken in one country, after the location field and before text mentions', () => {
    assert.deepEqual(inferDefaultCountry({ ...neutral, htmlLang: 'pl' }), { country: 'PL', basis: 'language' });
    assert.deepEqual(inferDefaultCountry({ ...neutral, htmlLang: 'ro' }), { country: 'RO', basis: 'language' });
    assert.deepEqual(inferDefaultCountry({ ...neutral, htmlLang: 'pl', location: 'London' }), { country: 'GB', basis: 'location' });
    assert.deepEqual(inferDefaultCountry({ ...neutral, htmlLang: 'pl', text: 'New in Melbourne this week.' }), { country: 'PL', basis: 'language' });
    for (const lang of ['ru', 'es', 'en', 'de', 'fr', 'pt', 'zh', 'ar']) assert.equal(inferDefaultCountry({ ...neutral, htmlLang: lang }), null, lang);
  });

  it('keeps the order: a ccTLD wins over the language and the text', () => {
    const result = inferDefaultCountry({ url: 'http://ads.example.fr/1', htmlLang: 'en-GB', text: 'Visiting London', location: 'London' });
    assert.deepEqual(result, { country: 'FR', basis: 'cctld' });
  });
});
