import { strict as assert } from 'node:assert';
import { it } from 'node:test';
import { ContiguousOffsets } from './contiguous-offsets.js';

it('commits only up to the first message not done, whatever finished after it', () => {
  // Offsets with a gap (a compacted record or a transaction marker), finished out of order.
  const progress = new ContiguousOffsets(['10', '11', '13', '14']);
  assert.equal(progress.markDone(1), null, 'offset 10 is still in flight');
  assert.equal(progress.markDone(3), null);
  assert.equal(progress.markDone(0), '11', 'the prefix jumps over everything already done');
  assert.equal(progress.allDone, false);
  assert.equal(progress.markDone(2), '14');
  assert.equal(progress.allDone, true);
});
