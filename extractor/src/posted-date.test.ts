import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDateTimeAttribute, parseLooseDate, postedDateFromLine } from './posted-date.js';

const us = { fetchedAt: '2024-06-10T08:00:00.000Z', country: 'US' };
const gb = { fetchedAt: '2024-06-10T08:00:00.000Z', country: 'GB' };

describe('posted dates', () => {
  it('reads ISO dates and <time datetime> values', () => {
    assert.equal(parseDateTimeAttribute('2024-05-12'), '2024-05-12');
    assert.equal(parseDateTimeAttribute('2024-05-12T21:30:00+02:00'), '2024-05-12T19:30:00.000Z');
    assert.equal(parseDateTimeAttribute('next Tuesday'), null);
    assert.equal(parseLooseDate('2024-5-2', us), '2024-05-02');
  });

  it('reads month names in either order', () => {
    assert.equal(parseLooseDate('May 12, 2024', gb), '2024-05-12');
    assert.equal(parseLooseDate('12th of May 2024', us), '2024-05-12');
    assert.equal(parseLooseDate('3 Sept 2023', us), '2023-09-03');
  });

  it('orders day and month by the country, unless a value over 12 settles it', () => {
    assert.equal(parseLooseDate('03/04/2024', us), '2024-03-04');
    assert.equal(parseLooseDate('03/04/2024', gb), '2024-04-03');
    assert.equal(parseLooseDate('25/04/2024', us), '2024-04-25');
    assert.equal(parseLooseDate('03.04.2024', us), '2024-04-03');
  });

  it('counts relative dates back from the fetch', () => {
    assert.equal(parseLooseDate('today', us), '2024-06-10');
    assert.equal(parseLooseDate('yesterday', us), '2024-06-09');
    assert.equal(parseLooseDate('3 days ago', us), '2024-06-07');
    assert.equal(parseLooseDate('a week ago', us), '2024-06-03');
  });

  it('rejects impossible dates', () => {
    assert.equal(parseLooseDate('2024-02-30', us), null);
    assert.equal(parseLooseDate('13/13/2024', us), null);
  });

  it('finds the date on a "Posted" line, in several languages', () => {
    assert.equal(postedDateFromLine('Anna\nPosted: May 12, 2024 · Ad #12\nHello', us), '2024-05-12');
    assert.equal(postedDateFromLine('Veröffentlicht: 03.04.2024', gb), '2024-04-03');
    assert.equal(postedDateFromLine('Publicado 2024-04-03', gb), '2024-04-03');
    assert.equal(postedDateFromLine('I posted my photos yesterday', us), null);
  });
});
