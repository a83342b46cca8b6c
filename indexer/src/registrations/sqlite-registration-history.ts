import type Database from 'better-sqlite3';
import { contactRoles, DnsRecordedSchema, RegistrationRecordSchema, WhoisChainAnswerSchema, z, type ContactRole, type DnsRecordType } from '@indicia/core';
import { heldIdentitiesOf, identityKeyOf } from './identity-values.js';
import type { DnsSnapshot, LastObserved, RegistrationHistory, RegistrationSnapshot, RegistrationSummary, ReverseRegistrationMatch, ReverseRegistrationQuery } from './registration-history.js';
import { assembleReverseMatches, type DomainSnapshotRow, type HoldingRow } from './reverse-matches.js';

interface SnapshotRow {
  id: string;
  domain: string;
  observed_at: string;
  source: string;
  server: string;
  raw_sha256: string;
  record: string;
  raw: string;
  /** WhoisRecorded.chain as JSON; null when one server answered (migration 6). */
  chain: string | null;
}

interface DnsRow {
  id: string;
  domain: string;
  observed_at: string;
  resolver: string;
  records: string;
}

const DnsSnapshotSchema = DnsRecordedSchema.extend({ id: z.string().min(1) });

/** Snapshots read per page when streaming the whole history. */
const pageSize = 500;

/**
 * The registration history in the embedded index file (migration 5). Writes are one transaction
 * per batch; `INSERT OR IGNORE` on the snapshot id makes a redelivered message a no-op.
 */
export class SqliteRegistrationHistory implements RegistrationHistory {
  private readonly insertSnapshot: Database.Statement;
  private readonly insertValue: Database.Statement;
  private readonly insertDns: Database.Statement;
  /** Prepared once: lastObserved runs for every new domain a crawl sees. */
  private readonly statements: Record<'history' | 'dnsHistory' | 'lastRegistration' | 'lastDns' | 'holding' | 'domainSnapshots' | 'registrationPage' | 'dnsPage' | 'domains', Database.Statement>;
  private readonly writeSnapshots: (snapshots: RegistrationSnapshot[]) => void;
  private readonly writeDns: (snapshots: DnsSnapshot[]) => void;

  constructor(
    private readonly db: Database.Database,
    /** Classifies a SQLite failure (busy → retryable...) as the index store does for ads. */
    private readonly guard: <T>(doing: string, work: () => T) => T,
  ) {
    this.insertSnapshot = db.prepare(
      `INSERT OR IGNORE INTO registration_snapshots (id, domain, observed_at, source, server, raw_sha256, record, raw, chain)
       VALUES (@id, @domain, @observedAt, @source, @server, @rawSha256, @record, @raw, @chain)`,
    );
    this.insertValue = db.prepare('INSERT OR IGNORE INTO registration_values (field, value, snapshot_seq, role) VALUES (?, ?, ?, ?)');
    this.insertDns = db.prepare('INSERT OR IGNORE INTO dns_snapshots (id, domain, observed_at, resolver, records) VALUES (?, ?, ?, ?, ?)');
    this.statements = {
      history: db.prepare('SELECT * FROM registration_snapshots WHERE domain = ? ORDER BY observed_at, seq'),
      dnsHistory: db.prepare('SELECT * FROM dns_snapshots WHERE domain = ? ORDER BY observed_at, seq'),
      lastRegistration: db.prepare('SELECT max(observed_at) AS at FROM registration_snapshots WHERE domain = ?'),
      lastDns: db.prepare('SELECT max(observed_at) AS at FROM dns_snapshots WHERE domain = ?'),
      holding: db.prepare(
        `SELECT s.id AS snapshotId, v.role AS role FROM registration_values v JOIN registration_snapshots s ON s.seq = v.snapshot_seq
         WHERE v.field = ? AND v.value = ? AND v.role IN (SELECT value FROM json_each(?))`,
      ),
      domainSnapshots: db.prepare(
        `SELECT id, domain, observed_at AS observedAt FROM registration_snapshots WHERE domain IN (
           SELECT DISTINCT s.domain FROM registration_snapshots s WHERE s.id IN (SELECT value FROM json_each(?)))`,
      ),
      registrationPage: db.prepare('SELECT seq, * FROM registration_snapshots WHERE seq > ? ORDER BY seq LIMIT ?'),
      dnsPage: db.prepare('SELECT seq, * FROM dns_snapshots WHERE seq > ? ORDER BY seq LIMIT ?'),
      domains: db.prepare('SELECT domain FROM registration_snapshots UNION SELECT domain FROM dns_snapshots ORDER BY domain').pluck(),
    };
    this.writeSnapshots = db.transaction((snapshots: RegistrationSnapshot[]) => {
      for (const snapshot of snapshots) {
        const record = RegistrationRecordSchema.parse(snapshot.record);
        const chain = snapshot.chain === undefined ? null : JSON.stringify(z.array(WhoisChainAnswerSchema).parse(snapshot.chain));
        const result = this.insertSnapshot.run({ ...snapshot, domain: snapshot.domain.toLowerCase(), record: JSON.stringify(record), chain });
        if (result.changes === 0) continue;
        for (const held of heldIdentitiesOf(record)) this.insertValue.run(held.field, held.key, result.lastInsertRowid, held.role);
      }
    });
    this.writeDns = db.transaction((snapshots: DnsSnapshot[]) => {
      for (const snapshot of snapshots) {
        const { id, domain, observedAt, resolver, ...records } = DnsSnapshotSchema.parse(snapshot);
        this.insertDns.run(id, domain.toLowerCase(), observedAt, resolver, JSON.stringify(records));
      }
    });
  }

  async recordRegistrations(snapshots: RegistrationSnapshot[]): Promise<void> {
    this.guard('recording registration snapshots', () => this.writeSnapshots(snapshots));
  }

  async recordDns(snapshots: DnsSnapshot[]): Promise<void> {
    this.guard('recording DNS snapshots', () => this.writeDns(snapshots));
  }

  async registrationHistory(domain: string): Promise<RegistrationSnapshot[]> {
    const rows = this.guard('reading registration history', () =>
      this.statements.history.all(domain.toLowerCase()) as SnapshotRow[],
    );
    return rows.map(snapshotOf);
  }

  async dnsHistory(domain: string): Promise<DnsSnapshot[]> {
    const rows = this.guard('reading DNS history', () => this.statements.dnsHistory.all(domain.toLowerCase()) as DnsRow[]);
    return rows.map(dnsSnapshotOf);
  }

  async lastObserved(domain: string): Promise<LastObserved> {
    const key = domain.toLowerCase();
    return this.guard('reading when a domain was last looked at', () => ({
      registration: (this.statements.lastRegistration.get(key) as { at: string | null }).at,
      dns: (this.statements.lastDns.get(key) as { at: string | null }).at,
    }));
  }

  async reverse(query: ReverseRegistrationQuery): Promise<ReverseRegistrationMatch[]> {
    const roles: readonly ContactRole[] = query.roles ?? contactRoles;
    const key = identityKeyOf(query.field, query.value);
    return this.guard('searching registration history', () =>
      this.db.transaction(() => {
        const holding = this.statements.holding.all(query.field, key, JSON.stringify(roles)) as HoldingRow[];
        if (holding.length === 0) return [];
        const snapshots = this.statements.domainSnapshots.all(JSON.stringify(holding.map((row) => row.snapshotId))) as DomainSnapshotRow[];
        return assembleReverseMatches(holding, snapshots);
      })(),
    );
  }

  async observedDomains(): Promise<string[]> {
    return this.guard('listing the domains in the history', () => this.statements.domains.all() as string[]);
  }

  async *allRegistrations(): AsyncIterable<RegistrationSnapshot> {
    let afterSeq = 0;
    for (;;) {
      const rows = this.guard('reading registration history', () =>
        this.statements.registrationPage.all(afterSeq, pageSize) as Array<SnapshotRow & { seq: number }>,
      );
      yield* rows.map(snapshotOf);
      if (rows.length < pageSize) return;
      afterSeq = rows.at(-1)!.seq;
    }
  }

  async *allDns(): AsyncIterable<DnsSnapshot> {
    let afterSeq = 0;
    for (;;) {
      const rows = this.guard('reading DNS history', () =>
        this.statements.dnsPage.all(afterSeq, pageSize) as Array<DnsRow & { seq: number }>,
      );
      yield* rows.map(dnsSnapshotOf);
      if (rows.length < pageSize) return;
      afterSeq = rows.at(-1)!.seq;
    }
  }

  async registrationSummary(): Promise<RegistrationSummary> {
    return this.guard('summarising registration history', () => {
      const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
      return {
        domains: count('SELECT count(*) AS n FROM (SELECT domain FROM registration_snapshots UNION SELECT domain FROM dns_snapshots)'),
        registrationSnapshots: count('SELECT count(*) AS n FROM registration_snapshots'),
        dnsSnapshots: count('SELECT count(*) AS n FROM dns_snapshots'),
      };
    });
  }
}

function snapshotOf(row: SnapshotRow): RegistrationSnapshot {
  return {
    id: row.id,
    domain: row.domain,
    observedAt: row.observed_at,
    source: row.source as RegistrationSnapshot['source'],
    server: row.server,
    rawSha256: row.raw_sha256,
    record: JSON.parse(row.record) as RegistrationSnapshot['record'],
    raw: row.raw,
    ...(row.chain === null ? {} : { chain: JSON.parse(row.chain) as NonNullable<RegistrationSnapshot['chain']> }),
  };
}

function dnsSnapshotOf(row: DnsRow): DnsSnapshot {
  const records = JSON.parse(row.records) as { a: string[]; aaaa: string[]; mx: DnsSnapshot['mx']; ns: string[]; txt: string[]; errors: Array<{ type: DnsRecordType; code: string }> };
  return { id: row.id, domain: row.domain, observedAt: row.observed_at, resolver: row.resolver, ...records };
}
