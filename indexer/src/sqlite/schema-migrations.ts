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
  {
    version: 4,
    name: 'ad images with perceptual hashes and OCR text; partial reads flagged',
    sql: `
      -- The latest capture's flags: researchers need to know when a read may be partial.
      ALTER TABLE ads ADD COLUMN needs_browser INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE ads ADD COLUMN truncated INTEGER NOT NULL DEFAULT 0;
      -- The OCR text of the latest capture's images, one image a line: searched like the ad text.
      ALTER TABLE ads ADD COLUMN image_text TEXT NOT NULL DEFAULT '';

      -- Every image an ad has shown, by its bytes. url and OCR are the latest capture's showing it.
      -- phash is the 64-bit dHash as 16 hex; phash_hi and phash_lo are its halves as unsigned 32-bit
      -- integers, the form the near-duplicate scan loads into typed arrays. The hash of given bytes
      -- never changes, so a row's hash is written once: a row stored without one (an image that
      -- failed to decode) gets a new id when a hash arrives. AUTOINCREMENT never reuses an id, so a
      -- reader can load the hashes added since the largest id it has seen.
      CREATE TABLE ad_images (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ad_seq INTEGER NOT NULL REFERENCES ads (seq),
        sha256 TEXT NOT NULL,
        url TEXT NOT NULL,
        media_type TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        phash TEXT,
        phash_hi INTEGER,
        phash_lo INTEGER,
        ocr_status TEXT NOT NULL,
        ocr_text TEXT NOT NULL,
        ocr_reason TEXT,
        capture_id TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        UNIQUE (ad_seq, sha256)
      );
      CREATE INDEX ad_images_sha256 ON ad_images (sha256);

      -- The full-text index gains the OCR text as a third column; FTS5 tables cannot be altered.
      DROP TRIGGER ads_fts_insert;
      DROP TRIGGER ads_fts_delete;
      DROP TRIGGER ads_fts_update;
      DROP TABLE ads_fts;
      CREATE VIRTUAL TABLE ads_fts USING fts5 (
        title, text, image_text,
        content = 'ads', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER ads_fts_insert AFTER INSERT ON ads BEGIN
        INSERT INTO ads_fts (rowid, title, text, image_text) VALUES (new.seq, new.title, new.text, new.image_text);
      END;
      CREATE TRIGGER ads_fts_delete AFTER DELETE ON ads BEGIN
        INSERT INTO ads_fts (ads_fts, rowid, title, text, image_text) VALUES ('delete', old.seq, old.title, old.text, old.image_text);
      END;
      CREATE TRIGGER ads_fts_update AFTER UPDATE OF title, text, image_text ON ads BEGIN
        INSERT INTO ads_fts (ads_fts, rowid, title, text, image_text) VALUES ('delete', old.seq, old.title, old.text, old.image_text);
        INSERT INTO ads_fts (rowid, title, text, image_text) VALUES (new.seq, new.title, new.text, new.image_text);
      END;
      INSERT INTO ads_fts (ads_fts) VALUES ('rebuild');
    `,
  },
  {
    version: 5,
    name: 'registration (WHOIS/RDAP) and DNS snapshots: the history reverse WHOIS reads',
    sql: `
      -- Every look at a domain is kept (append-only): the history is the evidence of who held a
      -- domain when. record is the normalised RegistrationRecord as JSON; raw the response as received.
      CREATE TABLE registration_snapshots (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        domain TEXT NOT NULL,
        observed_at TEXT NOT NULL,
        source TEXT NOT NULL,
        server TEXT NOT NULL,
        raw_sha256 TEXT NOT NULL,
        record TEXT NOT NULL,
        raw TEXT NOT NULL
      );
      CREATE INDEX registration_snapshots_domain ON registration_snapshots (domain, observed_at);

      -- The identity values each snapshot's contacts hold, in their matching form (identity-values.ts):
      -- reverse WHOIS is a lookup by (field, value).
      CREATE TABLE registration_values (
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        snapshot_seq INTEGER NOT NULL REFERENCES registration_snapshots (seq),
        role TEXT NOT NULL,
        PRIMARY KEY (field, value, snapshot_seq, role)
      ) WITHOUT ROWID;

      -- records: the DnsRecorded fields (a, aaaa, mx, ns, txt, errors) as JSON.
      CREATE TABLE dns_snapshots (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        domain TEXT NOT NULL,
        observed_at TEXT NOT NULL,
        resolver TEXT NOT NULL,
        records TEXT NOT NULL
      );
      CREATE INDEX dns_snapshots_domain ON dns_snapshots (domain, observed_at);
    `,
  },
  {
    version: 6,
    name: 'the earlier answers of a WHOIS lookup (a thin registry before the registrar) kept with its snapshot',
    sql: `
      -- chain: WhoisRecorded.chain as JSON ([{server, raw, rawSha256, queriedAt}]); NULL when one server answered.
      ALTER TABLE registration_snapshots ADD COLUMN chain TEXT;
    `,
  },
  {
    version: 7,
    name: 'ads by first seen: the console filters on it (date ranges, new since a watchlist visit)',
    sql: `
      CREATE INDEX ads_first_seen ON ads (first_seen);
    `,
  },
  {
    version: 8,
    name: 'the indicator types each ad holds, as bits, and an index facets count from',
    sql: `
      -- Bits as in indicator-type-bits.ts: phone 1, email 2, handle 4, crypto 8, url 16, domain 32.
      -- An ad keeps every indicator it has held in any version, so bits are only ever added.
      ALTER TABLE ads ADD COLUMN indicator_types INTEGER NOT NULL DEFAULT 0;
      UPDATE ads SET indicator_types = (
        SELECT coalesce(sum(bit), 0) FROM (
          SELECT DISTINCT CASE i.type WHEN 'phone' THEN 1 WHEN 'email' THEN 2 WHEN 'handle' THEN 4
            WHEN 'crypto' THEN 8 WHEN 'url' THEN 16 WHEN 'domain' THEN 32 ELSE 0 END AS bit
          FROM ad_indicators l JOIN indicators i ON i.seq = l.indicator_seq WHERE l.ad_seq = ads.seq
        )
      );
      -- Facets of a search without text or indicator (browsing, date ranges, a type) count the
      -- matching ads by these: from this index alone, a tenth of the table's size.
      CREATE INDEX ads_facets ON ads (site, location_country, indicator_types, first_seen, last_seen);
    `,
  },
];
