import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findWebAddresses } from './web-address-finder.js';

interface Seen {
  raw: string;
  url: string | null;
  domain: string | null;
  form: string;
  obfuscated?: true;
}

function seen(text: string): Seen[] {
  return findWebAddresses(text).map((a) => ({ raw: text.slice(a.start, a.end), url: a.url, domain: a.domain, form: a.form, ...(a.obfuscated ? { obfuscated: true as const } : {}) }));
}

describe('findWebAddresses', () => {
  it('reads URLs with a scheme, trailing sentence punctuation left out', () => {
    assert.deepEqual(seen('Photos: https://Anna-VIP.example:443/Gallery?id=7#top. More at http://ads.x.example.'), [
      { raw: 'https://Anna-VIP.example:443/Gallery?id=7#top', url: 'https://anna-vip.example/Gallery?id=7', domain: 'anna-vip.example', form: 'scheme' },
      { raw: 'http://ads.x.example', url: 'http://ads.x.example/', domain: 'x.example', form: 'scheme' },
    ]);
  });

  it('keeps balanced parentheses in a path and drops the closing one of the sentence', () => {
    assert.deepEqual(seen('(see https://x.example/a_(b))').map((s) => s.raw), ['https://x.example/a_(b)']);
  });

  it('reads www names as web addresses: a url and a domain', () => {
    assert.deepEqual(seen('www.anna.example, www.anna.example/pics'), [
      { raw: 'www.anna.example', url: 'http://www.anna.example/', domain: 'anna.example', form: 'www' },
      { raw: 'www.anna.example/pics', url: 'http://www.anna.example/pics', domain: 'anna.example', form: 'www' },
    ]);
  });

  it('reads bare names on reserved TLDs and on real ones', () => {
    assert.deepEqual(seen('anna-vip.example/photos, AnnaVip.COM and ads.anna.co.uk; site:velvet.test'), [
      { raw: 'anna-vip.example/photos', url: 'http://anna-vip.example/photos', domain: 'anna-vip.example', form: 'bare' },
      { raw: 'AnnaVip.COM', url: null, domain: 'annavip.com', form: 'bare' },
      { raw: 'ads.anna.co.uk', url: null, domain: 'anna.co.uk', form: 'bare' },
      { raw: 'velvet.test', url: null, domain: 'velvet.test', form: 'bare' },
    ]);
  });

  it('reads bare IDN names, in punycode', () => {
    assert.deepEqual(seen('Site: café-rose.example or Müller-Jobs.test/x'), [
      { raw: 'café-rose.example', url: null, domain: 'xn--caf-rose-d1a.example', form: 'bare' },
      { raw: 'Müller-Jobs.test/x', url: 'http://xn--mller-jobs-9db.test/x', domain: 'xn--mller-jobs-9db.test', form: 'bare' },
    ]);
  });

  it('does not take dotted words, abbreviations, numbers and file names for domains', () => {
    const text = 'file.txt e.g. i.e. No.5 3.50 12.5kg Mr.Smith Mr.Cool v1.2.3 readme.md setup.sh photo.jpg a.m. U.S.A. www. 10.30 100.lt 2015-2021.TG';
    assert.deepEqual(seen(text), []);
  });

  it('reads two words whose space went missing as words, not as a name on a word-like TLD', () => {
    assert.deepEqual(seen('new in town.so call me, una chica.de madrid'), []);
    assert.deepEqual(seen('annavip.it! anna-vip.it per info').map((s) => s.domain), ['annavip.it', 'anna-vip.it']);
  });

  it('leaves email addresses out, plain or disguised, local parts that look like names included', () => {
    const emails = [
      'anna@vip.example',
      'anna (at) vip (dot) example',
      'anna [at] vip[.]example',
      'info.de@gmx.de',
      'anna at vip [dot] example',
      'x.paula25 AT example.net',
      'luna.love {at} mail{dot}example{dot}com',
      'jade.hot @ mail.example.com',
      'camila.hot(@)inbox(.)example(.)org',
      'Vera.luxe[@]example(.)net',
      'ivy.info at example dot org',
    ];
    for (const email of emails) assert.deepEqual(seen(`Mail me: ${email}.`), [], email);
  });

  it('still reads a site named after a lowercase "at"', () => {
    assert.deepEqual(seen('meet me at anna-vip.example tonight').map((s) => s.domain), ['anna-vip.example']);
    assert.deepEqual(seen('anna.example at night, bella.example at dot com prices').map((s) => s.domain), ['anna.example', 'bella.example']);
  });

  it('reads defanged names and marks them obfuscated, with spans over what was written', () => {
    assert.deepEqual(seen('hxxps://bad[.]example/a or anna (dot) example or x[.]example'), [
      { raw: 'hxxps://bad[.]example/a', url: 'https://bad.example/a', domain: 'bad.example', form: 'scheme', obfuscated: true },
      { raw: 'anna (dot) example', url: null, domain: 'anna.example', form: 'bare', obfuscated: true },
      { raw: 'x[.]example', url: null, domain: 'x.example', form: 'bare', obfuscated: true },
    ]);
  });

  it('ends a host where text in another script runs on without a space', () => {
    assert.deepEqual(seen('网站https://anna.example联系我 или www.bella.example/фото'), [
      { raw: 'https://anna.example', url: 'https://anna.example/', domain: 'anna.example', form: 'scheme' },
      { raw: 'www.bella.example/фото', url: 'http://www.bella.example/фото', domain: 'bella.example', form: 'www' },
    ]);
  });

  it('gives IP addresses a url but no domain, and IDN hosts in punycode', () => {
    assert.deepEqual(seen('http://192.0.2.7:8080/x https://bücher.example/'), [
      { raw: 'http://192.0.2.7:8080/x', url: 'http://192.0.2.7:8080/x', domain: null, form: 'scheme' },
      { raw: 'https://bücher.example/', url: 'https://xn--bcher-kva.example/', domain: 'xn--bcher-kva.example', form: 'scheme' },
    ]);
  });

  it('does not read a name glued to letters of another script or inside a path', () => {
    assert.deepEqual(seen('путьanna.example 联系anna.example /files/anna.example'), []);
  });

  it('stays linear on long adversarial runs', () => {
    assert.deepEqual(seen('a.'.repeat(100_000)), []);
    assert.equal(seen(`${'https://'.repeat(20_000)}x`).length, 0);
    assert.equal(seen('x.example'.repeat(20_000)).length, 0);
  });
});
