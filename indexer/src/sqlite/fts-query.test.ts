import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { toFtsQuery } from './fts-query.js';

describe('toFtsQuery', () => {
  it('quotes every word so operators are searched as words', () => {
    assert.equal(toFtsQuery('velvet OR orchid'), '"velvet" "OR" "orchid"');
    assert.equal(toFtsQuery('  NEAR(a b)  '), '"NEAR(a" "b)"');
    assert.equal(toFtsQuery('say "hi"'), '"say" """hi"""');
  });

  it('keeps a trailing * as a prefix and drops words with no letters or digits', () => {
    assert.equal(toFtsQuery('camar* work'), '"camar"* "work"');
    assert.equal(toFtsQuery('" * - ( ) ✨'), null);
    assert.equal(toFtsQuery(''), null);
  });

  it('gives FTS5 a valid query for hostile input', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2'); INSERT INTO t VALUES ('plain words and more')");
    const search = db.prepare<[string], { body: string }>('SELECT body FROM t WHERE t MATCH ?');
    const hostile = ['AND(', 'body:plain', '"unterminated', 'a"b"c', '^plain', 'plain*', '*plain', 'NOT plain', '(plain OR', 'plain NEAR/2 more', "x'); DROP TABLE t; --", '\u0000plain', 'ünïcödé*'];
    for (const input of hostile) {
      const query = toFtsQuery(input);
      if (query !== null) assert.doesNotThrow(() => search.all(query), input);
    }
    assert.equal(search.all(toFtsQuery('plain*')!).length, 1);
    assert.equal(search.all(toFtsQuery('words plain')!).length, 1);
    assert.equal(search.all(toFtsQuery('plain OR nothing')!).length, 0);
    db.close();
  });
});
