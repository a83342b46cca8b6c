import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AuditLog, parseAuditAnchor } from './audit-log.js';
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
    const verified = log.verify();
    assert.deepEqual({ ...verified, head: undefined }, { ok: true, entries: 5, head: undefined });
    assert.match(verified.head!, /^5:[0-9a-f]{64}$/);
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
    assert.equal(new AuditLog(openConsoleDatabase(join(dir, 'empty'))).verify().head, undefined, 'an empty log has no head');
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

  it('the newest entries removed are found against an anchor kept from an earlier verification, and so is a chain rewritten whole', () => {
    const truncated = filledLog('truncated');
    const anchor = parseAuditAnchor(truncated.log.verify().head!);
    truncated.db.exec('DROP TRIGGER audit_log_no_delete');
    truncated.db.prepare('DELETE FROM audit_log WHERE seq >= 4').run();
    assert.equal(truncated.log.verify().ok, true, 'the chain alone cannot tell: what is left chains');
    assert.deepEqual(truncated.log.verify({ anchors: [anchor] }), {
      ok: false,
      entries: 3,
      brokenAt: 4,
      reason: 'the log ends at entry 3 but entry 5 was anchored: the newest entries were removed',
      head: truncated.log.verify().head,
    });
    truncated.db.close();

    // Rewritten from entry 2 on with every hash recomputed: the chain holds, the anchor does not.
    const original = filledLog('original');
    const originalHead = parseAuditAnchor(original.log.verify().head!);
    const forged = filledLog('forged');
    forged.db.exec('DROP TRIGGER audit_log_no_delete');
    forged.db.prepare('DELETE FROM audit_log WHERE seq >= 2').run();
    for (let i = 2; i <= 5; i++) forged.log.append({ username: 'analyst', action: 'search', target: `innocent ${i}`, details: { results: i } });
    assert.equal(forged.log.verify().ok, true);
    const result = forged.log.verify({ anchors: [originalHead] });
    assert.equal(result.brokenAt, 5);
    assert.match(result.reason!, /not the entry anchored as 5:/);
    assert.equal(original.log.verify({ anchors: [originalHead, parseAuditAnchor('1:' + original.log.page({ limit: 1, offset: 4 }).entries[0]!.hash)] }).ok, true);
    original.db.close();
    forged.db.close();
  });

  it('reads anchors as SEQ:HASH and refuses anything else, saying what one looks like', () => {
    assert.deepEqual(parseAuditAnchor(` 12:${'AB'.repeat(32)} `), { seq: 12, hash: 'ab'.repeat(32) });
    for (const bad of ['12', `0:${'a'.repeat(64)}`, `12:${'a'.repeat(63)}`, `x:${'a'.repeat(64)}`, '']) assert.throws(() => parseAuditAnchor(bad), /SEQ:HASH/);
  });
});
