import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readWhoisDate } from './whois-dates.js';

describe('readWhoisDate', () => {
  const cases: ReadonlyArray<readonly [string, string | null]> = [
    ['2012-10-12T10:19:46.0Z', '2012-10-12T10:19:46Z'],
    ['2012-10-12T10:19:46+02:00', '2012-10-12T08:19:46Z'],
    ['2013/06/01 01:05:07 (JST)', '2013-05-31T16:05:07Z'],
    ['2012.10.12', '2012-10-12T00:00:00Z'],
    ['12-Oct-2012', '2012-10-12T00:00:00Z'],
    ['12 Jan 2014 10:00:00 UTC', '2014-01-12T10:00:00Z'],
    ['2nd April, 2015', '2015-04-02T00:00:00Z'],
    ['2014-Aug-12.', '2014-08-12T00:00:00Z'],
    ['Tue Dec 12 2000', '2000-12-12T00:00:00Z'],
    ['12/10/2012', '2012-10-12T00:00:00Z'],
    ['13.05.2009 10:00:00', '2009-05-13T10:00:00Z'],
    ['hostmaster@example.net 20120115', '2012-01-15T00:00:00Z'],
    ['notify@example.net 20121216134104', '2012-12-16T13:41:04Z'],
    ['before Aug-1996', '1996-08-01T00:00:00Z'],
    ['-', null],
    ['not a date', null],
  ];
  for (const [raw, iso] of cases) it(`reads ${JSON.stringify(raw)}`, () => assert.equal(readWhoisDate(raw), iso));

  it('reads day/month order as the server writes it', () => {
    assert.equal(readWhoisDate('01/02/2012'), '2012-02-01T00:00:00Z');
    assert.equal(readWhoisDate('01/02/2012', { monthFirst: true }), '2012-01-02T00:00:00Z');
    assert.equal(readWhoisDate('12/31/2012'), '2012-12-31T00:00:00Z', 'a second part over 12 is the day whatever the order');
  });
});
