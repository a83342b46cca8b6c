import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { toFtsQuery } from '../sqlite/fts-query.js';
import { fts5Snippet } from './fts5-snippet.js';
import { parseTextQuery } from './search-words.js';

const long = 'Private parties every weekend. New girls weekly: call now. ' + 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(4) + 'Discreet outcall near the Strip: velvet evenings, orchid massage, tonight only. ' + 'Sed do eiusmod tempor incididunt ut labore. '.repeat(3);

/** Ads as [title, text, OCR text], and text queries to cut snippets for. */
const documents: Array<[string, string, string]> = [
  ['Velvet evenings', 'Discreet outcall service near the Strip, available tonight.', ''],
  ['Orchid and velvet', long, 'Anna, new in town\nText (702) 555-0190'],
  ['See my picture', 'Details in the photo.', 'Anna, new in town\nText (702) 555-0190'],
  ['Работа в Германии', 'Работа официанткой в Германии, жильё бесплатно ✨ звоните.', ''],
  ['Long one', `${long} ${long}`, `${long}`],
];
const queries = ['velvet', 'orchid tonight', 'anna town', 'германии', 'strip velvet evenings', 'velvet:evenings', 'lorem', 'tonight', 'photo details', 'camar*', 'sed labore', 'eve* massage', 'private weekend', 'new'];

describe('FTS5 snippet', () => {
  it('cuts the same snippets as SQLite FTS5 snippet(), for every column and for the best one', () => {
    const db = new Database(':memory:');
    try {
      db.exec("CREATE VIRTUAL TABLE t USING fts5 (title, text, image_text, tokenize = 'unicode61 remove_diacritics 2')");
      documents.forEach((doc, i) => db.prepare('INSERT INTO t (rowid, title, text, image_text) VALUES (?, ?, ?, ?)').run(i + 1, ...doc));
      const snippet = db.prepare<{ fts: string; rowid: number; column: number }, { s: string }>("SELECT snippet(t, @column, '«', '»', '…', 24) AS s FROM t WHERE t MATCH @fts AND rowid = CAST(@rowid AS INTEGER)");
      let compared = 0;
      for (const query of queries) {
        const fts = toFtsQuery(query)!;
        documents.forEach((doc, i) => {
          for (const column of [-1, 0, 1, 2]) {
            const expected = snippet.get({ fts, rowid: i + 1, column })?.s;
            if (expected === undefined) continue;
            assert.equal(fts5Snippet(doc, parseTextQuery(query), column), expected, `${query} in document ${i + 1}, column ${column}`);
            compared++;
          }
        });
      }
      assert.ok(compared > 40, `only ${compared} snippets compared`);
    } finally {
      db.close();
    }
  });
});
