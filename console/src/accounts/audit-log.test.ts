import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AuditLog } from './audit-log.js';
import { openConsoleDatabase } from './console-database.js';

describe('audit log: append-only and hash-chained', () => {
  const dir = mkdtempSync(join(tmpdir(), 'indicia-audit-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  function filledLog(name: string) {
    const db = openConsoleDatabase(join(dir, name));
    const log = new AuditLog(db);
    for (let i = 1; i <= 5; i++) log.append({ username: 'analyst', action: 'search', target: `query ${i}`, details: { results: i } });
    return { db, log };
  }

  it('a fresh chain verifies; the first entry chains to 64 zeros', () => {
    const { db, log } = filledLog('fresh');
    assert.deepEqual(log.verify(), { ok: true, entries: 5 });
    assert.equal(log.page({ limit: 10, offset: 0 }).entries.at(-1)!.prevHash, '0'.repeat(64));
    db.close();
  });

  it('UPDATE and DELETE are refused by the database', () => {
    const { db } = filledLog('refuse');
    assert.throws(() => db.prepare("UPDATE audit_log SET target = 'x' WHERE seq = 2").run(), /append-only/);
    assert.throws(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run(), /append-only/);
    db.close();
  });

  it('an edited row, a removed row and a re-hashed row are each found, at the right entry', () => {
    const edited = filledLog('edited');
    edited.db.exec('DROP TRIGGER audit_log_no_update');
    edited.db.prepare(`UPDATE audit_log SET details_json = '{"results":99}' WHERE seq = 3`).run();
    assert.deepEqual(edited.log.verify(), { ok: false, entries: 3, brokenAt: 3, reason: 'its contents do not match its hash (edited)' });
    edited.db.close();

    const removed = filledLog('removed');
    removed.db.exec('DROP TRIGGER audit_log_no_delete');
    removed.db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    const result = removed.log.verify();
    assert.equal(result.ok, false);
    assert.equal(result.brokenAt, 3);
    removed.db.close();

    // Someone who edits a row and recomputes its hash still breaks the next entry's prevHash.
    const rehashed = filledLog('rehashed');
    rehashed.db.exec('DROP TRIGGER audit_log_no_update');
    rehashed.db.prepare(`UPDATE audit_log SET target = 'other', hash = '${'a'.repeat(64)}' WHERE seq = 4`).run();
    assert.equal(rehashed.log.verify().brokenAt, 4);
    rehashed.db.close();
  });
});
