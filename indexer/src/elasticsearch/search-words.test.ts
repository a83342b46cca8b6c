import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { parseTextQuery, searchWords, wordTokens } from './search-words.js';

/** Texts that tell tokenizers apart: punctuation inside words, diacritics, scripts, case, symbols. */
const samples = [
  "Velvet:evenings España 東京都 I'm",
  'жильё ЁЛКА ΣΑΣ Straße ǅ',
  'hi\u0301ndi हिन्दी عَرَبِيّ',
  'a_b c-d e.f rose@example.com',
  'x²y ½ ⅓ Ⅻ ①',
  'ﬁne ＡＢＣ １２３',
  'İstanbul ıi',
  'ça va Ø ø Æ œ Ł ł đ ß',
  'emoji✨ok 😀x',
  'е\u0301сть ё е\u0308',
  'ά Ά ΐ Việt Nam ǖ Ǖ ḁ ẞ ǰ Ő ő Ű ñ Ñ ÿ Ÿ ţ ș Ș',
  'x‿y a·b a\'b ١٢٣ ๑๒ Ⓐ ⓐ',
  'Call (702) 555-0123 — $200/hr, 1.500-2.000 EUR pe lună.\n\tTrabajo en España y Alemania: camarera',
  "  ASCII only: Call (702) 555-0123, $200/hr; rose@example.com I'm_here x2y! ",
  '',
];

/** The terms SQLite's FTS5 unicode61 tokenizer (as the SQLite store configures it) reads in `text`. */
function fts5Terms(db: Database.Database, text: string): string[] {
  db.prepare('DELETE FROM t').run();
  db.prepare('INSERT INTO t (rowid, x) VALUES (1, ?)').run(text);
  return db.prepare<[], { term: string }>('SELECT term FROM v ORDER BY offset').all().map((row) => row.term);
}

describe('search words', () => {
  it('reads the same words as SQLite FTS5 unicode61 with remove_diacritics 2', () => {
    const db = new Database(':memory:');
    try {
      db.exec("CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = 'unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE v USING fts5vocab (t, 'instance');");
      for (const text of samples) {
        const terms = fts5Terms(db, text);
        assert.deepEqual(wordTokens(text).map((token) => token.folded), terms, text);
        assert.equal(searchWords(text), terms.join(' '), text);
      }
    } finally {
      db.close();
    }
  });

  it('keeps where each word is in the original text', () => {
    const text = 'Señora ROSE, (702) 555-0123';
    assert.deepEqual(wordTokens(text).map((token) => text.slice(token.start, token.end)), ['Señora', 'ROSE', '702', '555', '0123']);
    assert.equal(searchWords(text), 'senora rose 702 555 0123');
  });

  it('reads a query as the SQLite store does: words, a trailing * for a prefix, no syntax', () => {
    assert.deepEqual(parseTextQuery('Orchid  camar* velvet:even* "velvet'), [
      { tokens: ['orchid'], prefix: false },
      { tokens: ['camar'], prefix: true },
      { tokens: ['velvet', 'even'], prefix: true },
      { tokens: ['velvet'], prefix: false },
    ]);
    assert.deepEqual(parseTextQuery('" * - ✨ ()'), []);
    assert.deepEqual(parseTextQuery('velvet\u0000orchid'), [{ tokens: ['velvet'], prefix: false }, { tokens: ['orchid'], prefix: false }]);
    assert.deepEqual(parseTextQuery('NOT espAña'), [{ tokens: ['not'], prefix: false }, { tokens: ['espana'], prefix: false }]);
  });
});
