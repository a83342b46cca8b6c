import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAdLocation } from './ad-location.js';

describe('findAdLocation', () => {
  it('reads a location line, with city and country from the gazetteer', () => {
    assert.deepEqual(findAdLocation({ title: 'Anna', text: 'Hello\nLocation: Las Vegas, NV\nCall me' }), { text: 'Las Vegas, NV', city: 'Las Vegas', country: 'US' });
    assert.deepEqual(findAdLocation({ title: 'Job', text: 'Arbeitsort: München, Deutschland' }), { text: 'München, Deutschland', city: 'Munich', country: 'DE' });
    assert.deepEqual(findAdLocation({ title: 'Job', text: 'Location:\nManchester' }), { text: 'Manchester', city: 'Manchester', country: 'GB' });
  });

  it('keeps a location the gazetteer does not know, as text', () => {
    assert.deepEqual(findAdLocation({ title: 'Anna', text: 'Location: Springfield' }), { text: 'Springfield' });
  });

  it('falls back to the first city named in the title or text', () => {
    assert.deepEqual(findAdLocation({ title: 'New in Melbourne', text: 'Hi' }), { text: 'Melbourne', city: 'Melbourne', country: 'AU' });
    assert.equal(findAdLocation({ title: 'Anna', text: 'Sweet and discreet' }), null);
  });

  it('prefers a configured location', () => {
    assert.deepEqual(findAdLocation({ title: 'Anna', text: 'Location: London', selected: 'Perth' }), { text: 'Perth', city: 'Perth', country: 'AU' });
  });
});
