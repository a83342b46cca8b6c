/**
 * The SQLite schema, as numbered steps. A step is never edited once released: a change is a new
 * step, so every existing index file can be brought forward by applying what it lacks.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'ads, versions, indicators and their links',
    sql: `
      -- seq is the stable integer rowid the full-text index refers to; id is the ad id (hash of the canonical URL).
      CREATE TABLE ads (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL,
        canonical_url TEXT NOT NULL,
        site TEXT NOT NULL,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        posted_at TEXT,
        location_text TEXT,
        location_city TEXT,
        location_country TEXT,
        language TEXT,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        latest_capture_id TEXT NOT NULL
      );
      CREATE INDEX ads_site_last_seen ON ads (site, last_seen);
      CREATE INDEX ads_country_last_seen ON ads (location_country, last_seen);
      CREATE INDEX ads_last_seen ON ads (last_seen);

      -- Integer keys (seq) join the tables: they are a quarter the size of the 32-character ids and,
      -- growing with each new row, keep inserts at the end of the B-trees instead of all over them.
      CREATE TABLE ad_versions (
        ad_seq INTEGER NOT NULL REFERENCES ads (seq),
        content_hash TEXT NOT NULL,
        capture_id TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        PRIMARY KEY (ad_seq, content_hash)
      ) WITHOUT ROWID;

      -- id is indicatorIdFor(type, value, platform or chain), the id every adapter shares.
      CREATE TABLE indicators (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        value TEXT NOT NULL,
        platform TEXT,
        chain TEXT,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        ad_count INTEGER NOT NULL
      );
      CREATE INDEX indicators_type_value ON indicators (type, value);

      -- provenance: JSON array of where the indicator was read, from the latest capture that held it.
      CREATE TABLE ad_indicators (
        ad_seq INTEGER NOT NULL REFERENCES ads (seq),
        indicator_seq INTEGER NOT NULL REFERENCES indicators (seq),
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        provenance TEXT NOT NULL,
        PRIMARY KEY (ad_seq, indicator_seq)
      ) WITHOUT ROWID;
      CREATE INDEX ad_indicators_by_indicator ON ad_indicators (indicator_seq, ad_seq);
    `,
  },
  {
    version: 2,
    name: 'full-text index over ad title and text',
    sql: `
      CREATE VIRTUAL TABLE ads_fts USING fts5 (
        title, text,
        content = 'ads', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      -- Only a change to title or text touches the full-text index; widening seen times does not.
      CREATE TRIGGER ads_fts_insert AFTER INSERT ON ads BEGIN
        INSERT INTO ads_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;
      CREATE TRIGGER ads_fts_delete AFTER DELETE ON ads BEGIN
        INSERT INTO ads_fts (ads_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
      END;
      CREATE TRIGGER ads_fts_update AFTER UPDATE OF title, text ON ads BEGIN
        INSERT INTO ads_fts (ads_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO ads_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;
      -- Ads written before this step are indexed now.
      INSERT INTO ads_fts (ads_fts) VALUES ('rebuild');
    `,
  },
  {
    version: 3,
    name: 'ad attributes: prices and stated age',
    sql: `
      -- prices: JSON array of AdPrice (amount, maxAmount?, currency, per?, raw, source, start, end);
      -- age: JSON AdAge or NULL. Both are the latest capture's, like the location and language.
      ALTER TABLE ads ADD COLUMN prices TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE ads ADD COLUMN age TEXT;
      -- Researchers count and filter by these.
      CREATE INDEX ads_language ON ads (language);
      CREATE INDEX ads_age_min ON ads (json_extract(age, '$.min')) WHERE age IS NOT NULL;
    `,
  },
];
