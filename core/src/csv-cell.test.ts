import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { csvCell, csvRow } from './csv-cell.js';

describe('csv cells', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const hostile of ['=HYPERLINK("http://evil.example")', '+1+1', '-2', '@SUM(A1)', '\tx', '\rx']) {
      assert.ok(csvCell(hostile).startsWith(`"'`), hostile);
    }
    assert.equal(csvCell('plain'), '"plain"');
    assert.equal(csvCell('+17025550134'), '"+17025550134"', 'an E.164 phone stays itself');
    assert.ok(csvCell('+1702555013+4').startsWith(`"'`));
  });
  it('quotes quotes and keeps newlines inside the cell', () => {
    assert.equal(csvRow(['a "b"', 'line1\nline2']), '"a ""b""","line1\nline2"\r\n');
  });
});
