import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recordDatesOf, type RecordDateValues } from './record-dates.js';

const none: RecordDateValues = { createdAt: [], updatedAt: [], updatedAtParagraphs: [], expiresAt: [], status: [] };

describe('recordDatesOf', () => {
  it('reads every numeric date month first when one of them can only be month first', () => {
    const dates = recordDatesOf({ ...none, createdAt: ['12/18/2001'], expiresAt: ['03/02/2012'] });
    assert.equal(dates.createdAt, '2001-12-18T00:00:00Z');
    assert.equal(dates.expiresAt, '2012-03-02T00:00:00Z');
  });

  it('keeps day first when the response also has a date that can only be day first', () => {
    const dates = recordDatesOf({ ...none, createdAt: ['12/18/2001'], expiresAt: ['03/02/2012', '18/12/2012'] });
    assert.equal(dates.expiresAt, '2012-02-03T00:00:00Z');
  });

  it('takes the time of day from a later value of the same day', () => {
    const dates = recordDatesOf({ ...none, expiresAt: ['11-sep-2024', '2024-09-11T04:00:00Z'], createdAt: ['12-sep-1995', '1990-01-01T04:00:00Z'] });
    assert.equal(dates.expiresAt, '2024-09-11T04:00:00Z');
    assert.equal(dates.createdAt, '1995-09-12T00:00:00Z', 'a value of another day does not replace the first');
  });

  it('takes the latest change of the domain paragraph, not the changes of other objects', () => {
    const dates = recordDatesOf({
      ...none,
      updatedAt: ['registrar AT example.net 19960111', 'registrar AT example.net 20140116', 'registrar AT example.net 20020617', '28.11.2015 15:33:24'],
      updatedAtParagraphs: [1, 1, 1, 4],
    });
    assert.equal(dates.updatedAt, '2014-01-16T00:00:00Z');
  });

  it('reads the end of the registration from a status that states it, when no expiry line exists', () => {
    assert.equal(recordDatesOf({ ...none, status: ['OK-UNTIL 20131218000000'] }).expiresAt, '2013-12-18T00:00:00Z');
    assert.equal(recordDatesOf({ ...none, status: ['Connected (2010/09/30)'] }).expiresAt, '2010-09-30T00:00:00Z');
    assert.equal(recordDatesOf({ ...none, status: ['Connected (2010/09/30)'], expiresAt: ['2011-01-01'] }).expiresAt, '2011-01-01T00:00:00Z');
    assert.equal(recordDatesOf({ ...none, status: ['ok'] }).expiresAt, null);
  });
});
