import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { parseJCardText, readJCard } from './jcard.js';
import { RdapFormatError } from './rdap-errors.js';
import { contactOfJCard } from './vcard-contact.js';

const corpus = process.env.INDICIA_RDAP_CORPUS ?? fileURLToPath(new URL('../../../../shared/corpora/rdap', import.meta.url));
const jcardDir = join(corpus, 'jcard');

describe('jCard reader (RFC 7095)', async () => {
  const files = (await readdir(jcardDir)).sort();
  const errorFiles = files.filter((file) => file.startsWith('error_'));

  it('finds the corpus', () => {
    assert.ok(errorFiles.length >= 11, `error samples in ${jcardDir}`);
    assert.ok(files.includes('example.json') && files.includes('mixed.json'));
  });

  for (const file of errorFiles) {
    it(`refuses ${file} with a clear RdapFormatError`, async () => {
      const text = await readFile(join(jcardDir, file), 'utf8');
      assert.throws(
        () => parseJCardText(text),
        (error: unknown) => error instanceof RdapFormatError && /^jCard: \S/.test(error.message),
      );
    });
  }

  it('says what is wrong', () => {
    assert.throws(() => readJCard([]), /2 members/);
    assert.throws(() => readJCard(['vcardX', []]), /starts with "vcard"/);
    assert.throws(() => readJCard(['vcard', false]), /not an array/);
    assert.throws(() => readJCard(['vcard', [['version', {}, 'text']]]), /property 0 has 3 members/);
    assert.throws(() => readJCard(['vcard', [['version', false, 'text', '4.0']]]), /parameters must be an object/);
    assert.throws(() => readJCard(['vcard', [['version', {}, 42, '4.0']]]), /no value type/);
    assert.throws(() => readJCard(['vcard', [['n', {}, 'text', ['a', ['b', ['c']]]]]]), /nested too deep/);
  });

  it('reads example.json into its properties and a contact', async () => {
    const properties = parseJCardText(await readFile(join(jcardDir, 'example.json'), 'utf8'));
    assert.equal(properties[0]!.name, 'version');
    const n = properties.find((property) => property.name === 'n')!;
    assert.deepEqual(n.values[0], ['Perreault', 'Simon', '', '', ['ing. jr', 'M.Sc.']]);
    assert.deepEqual(contactOfJCard(properties), {
      name: 'Simon Perreault',
      organization: 'Viagenie',
      email: 'simon.perreault@viagenie.ca',
      phone: '+1-418-656-9254',
      fax: null,
      street: 'Suite D2-630, 2875 Laurier',
      city: 'Quebec',
      state: 'QC',
      postalCode: 'G1V 2M2',
      country: 'Canada',
      url: 'http://nomis80.org',
    });
  });

  it('reads mixed.json, a property with several values of several types', async () => {
    const properties = parseJCardText(await readFile(join(jcardDir, 'mixed.json'), 'utf8'));
    const mixed = properties.find((property) => property.name === 'mixed')!;
    assert.deepEqual(mixed.values, ['abc', true, 42, null, ['def', false, 43]]);
  });

  it('takes the preferred tel, keeps fax apart, and reads an unstructured address label with its cc', () => {
    const contact = contactOfJCard(
      readJCard([
        'vcard',
        [
          ['version', {}, 'text', '4.0'],
          ['tel', { type: ['work', 'fax'] }, 'uri', 'tel:+1.7025550111'],
          ['tel', { type: 'voice', pref: '2' }, 'uri', 'tel:+1.7025550122'],
          ['tel', { type: ['voice'], pref: 1 }, 'uri', 'tel:+1.7025550133;ext=9'],
          ['adr', { label: '12 Example Street\nSpringfield\n', cc: 'us' }, 'text', ['', '', '', '', '', '', '']],
        ],
      ]),
    );
    assert.equal(contact.phone, '+1.7025550133');
    assert.equal(contact.fax, '+1.7025550111');
    assert.equal(contact.street, '12 Example Street, Springfield');
    assert.equal(contact.country, 'US');
  });
});
