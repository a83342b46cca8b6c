/**
 * Defanged web addresses, as threat reports and evasive ads write them: "x[.]example",
 * "x (dot) example", "hxxps://", "https[://]". The text is rewritten with plain dots and schemes
 * for the address finder, and offsets map back to what was written.
 */
const defangPattern = /[[({](?:\.|dot)[\])}]|\[:\/\/\]|\[:\]|hxxp(?=s?(?::|\[:))/gi;
/** Cheap test before the pattern: every form has a bracket and a dot, "dot" or ":", or "xx". */
const defangHint = /[[({](?:\.|dot|:)|xxp/i;

export interface DefangedText {
  text: string;
  /** The written span behind `text[start, end)`. */
  toWrittenSpan(start: number, end: number): { start: number; end: number };
  /** Whether `text[start, end)` covers a rewritten part. */
  rewrote(start: number, end: number): boolean;
}

interface Edit {
  writtenStart: number;
  writtenEnd: number;
  start: number;
  end: number;
}

const unchanged = (text: string): DefangedText => ({ text, toWrittenSpan: (start, end) => ({ start, end }), rewrote: () => false });

export function refangText(written: string): DefangedText {
  if (!defangHint.test(written)) return unchanged(written);
  const edits: Edit[] = [];
  const parts: string[] = [];
  let writtenPos = 0;
  let pos = 0;
  for (const m of written.matchAll(defangPattern)) {
    const replacement = replacementFor(m[0]);
    let writtenStart = m.index;
    let writtenEnd = m.index + m[0].length;
    // "anna (dot) example": the spaces around a bracketed dot belong to the disguise.
    if (replacement === '.') {
      if (written[writtenStart - 1] === ' ' && writtenStart - 1 >= writtenPos) writtenStart--;
      if (written[writtenEnd] === ' ') writtenEnd++;
    }
    parts.push(written.slice(writtenPos, writtenStart), replacement);
    pos += writtenStart - writtenPos;
    edits.push({ writtenStart, writtenEnd, start: pos, end: pos + replacement.length });
    pos += replacement.length;
    writtenPos = writtenEnd;
  }
  if (edits.length === 0) return unchanged(written);
  parts.push(written.slice(writtenPos));
  return {
    text: parts.join(''),
    toWrittenSpan: (start, end) => ({ start: writtenOffset(edits, start, 'start'), end: writtenOffset(edits, end - 1, 'end') }),
    rewrote(start, end) {
      const index = lastEditStartingBefore(edits, end);
      return index >= 0 && edits[index]!.end > start;
    },
  };
}

/** Where `text[index]` was written: its first offset, or one past its last for side 'end'. */
function writtenOffset(edits: readonly Edit[], index: number, side: 'start' | 'end'): number {
  const edit = edits[lastEditStartingBefore(edits, index + 1)];
  if (!edit) return side === 'end' ? index + 1 : index;
  // Inside a rewritten part: the whole of what was written for it.
  if (index < edit.end) return side === 'start' ? edit.writtenStart : edit.writtenEnd;
  const written = index + edit.writtenEnd - edit.end;
  return side === 'end' ? written + 1 : written;
}

/** Index of the last edit that starts before `position` (-1 if none), by binary search: edits are in order and disjoint. */
function lastEditStartingBefore(edits: readonly Edit[], position: number): number {
  let low = 0;
  let high = edits.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (edits[mid]!.start < position) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

function replacementFor(form: string): string {
  if (/^h/i.test(form)) return 'http';
  if (form === '[://]') return '://';
  if (form === '[:]') return ':';
  return '.';
}
