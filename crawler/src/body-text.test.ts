import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyText, isHtml, mediaTypeOf } from './body-text.js';

test('media type: from the header without parameters, sniffed when absent', () => {
  assert.equal(mediaTypeOf('Text/HTML; charset=UTF-8', Buffer.alloc(0)), 'text/html');
  assert.equal(mediaTypeOf(undefined, Buffer.from('  <!DOCTYPE html><html>')), 'text/html');
  assert.equal(mediaTypeOf(undefined, Buffer.from('%PDF-1.7')), 'application/octet-stream');
  assert.equal(isHtml('application/xhtml+xml'), true);
});

test('body text: charset from header, then BOM, then <meta>, then UTF-8; binary types give ""', () => {
  const cafe = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
  assert.equal(bodyText(cafe, 'text/plain; charset=iso-8859-1'), 'café');
  assert.equal(bodyText(Buffer.concat([Buffer.from('<meta charset="windows-1252">'), cafe]), 'text/html'), '<meta charset="windows-1252">café');
  assert.equal(bodyText(Buffer.from('\ufeffhé', 'utf8'), 'text/html'), 'hé');
  assert.equal(bodyText(Buffer.from('{"a":"é"}'), 'application/json'), '{"a":"é"}');
  assert.equal(bodyText(Buffer.from('héllo'), 'text/html; charset=no-such-charset'), 'héllo');
  assert.equal(bodyText(Buffer.from('%PDF-1.7 binary'), 'application/pdf'), '');
  assert.equal(bodyText(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png'), '');
});
