/**
 * The seam between raw text and the extractor rules. Rules match on a normalised copy of the text
 * (typographic dashes and spaces made plain, invisible characters dropped, fullwidth digits made
 * ASCII) and every match is mapped back to the raw offsets, so provenance always points at what the
 * page really said. The de-obfuscation of the next issue (number words, Unicode digits, "(at)")
 * adds steps here; the rules do not change.
 */

/** One edit a normalisation step makes: raw[start, end) becomes `replacement`. */
export interface TextReplacement {
  start: number;
  end: number;
  replacement: string;
}

export interface TextNormalizationStep {
  readonly name: string;
  /** Whether text this step rewrote counts as obfuscated (a dash variant is typography, not hiding). */
  readonly obfuscation: boolean;
  /** Non-overlapping replacements in ascending order. */
  findReplacements(raw: string): TextReplacement[];
}

export interface RawSpan {
  start: number;
  end: number;
  obfuscated: boolean;
  /** Names of the normalisation steps that rewrote part of the span. */
  steps: string[];
}

/** One accepted replacement, with where it sits in both texts. */
interface Edit {
  rawStart: number;
  rawEnd: number;
  normStart: number;
  normEnd: number;
  stepIndex: number;
}

export class NormalizedText {
  constructor(
    readonly raw: string,
    readonly text: string,
    /** Accepted replacements in order; offsets between them map one to one. */
    private readonly edits: readonly Edit[],
    private readonly steps: readonly TextNormalizationStep[],
  ) {}

  /** The raw span behind normalised text[start, end). */
  toRaw(start: number, end: number): RawSpan {
    if (start >= end || end > this.text.length) throw new RangeError(`invalid span ${start}-${end} of ${this.text.length}`);
    const stepNames = new Set<string>();
    let obfuscated = false;
    // Edits touching the span: replacements overlapping it, deletions strictly inside it.
    for (let i = Math.max(0, this.lastEditAtOrBefore(start)); i < this.edits.length; i++) {
      const edit = this.edits[i]!;
      if (edit.normStart >= end) break;
      const touches = edit.normStart === edit.normEnd ? edit.normStart > start : edit.normEnd > start;
      if (!touches) continue;
      const step = this.steps[edit.stepIndex]!;
      stepNames.add(step.name);
      if (step.obfuscation) obfuscated = true;
    }
    return { start: this.rawOffset(start, 'start'), end: this.rawOffset(end - 1, 'end'), obfuscated, steps: [...stepNames].sort() };
  }

  /** Where normalised character `position` came from: its first raw offset, or one past its last. */
  private rawOffset(position: number, side: 'start' | 'end'): number {
    const index = this.lastEditAtOrBefore(position);
    if (index < 0) return side === 'start' ? position : position + 1;
    const edit = this.edits[index]!;
    // Inside a replacement: its whole raw span. After an edit (deletions included): shifted by it.
    if (position < edit.normEnd) return side === 'start' ? edit.rawStart : edit.rawEnd;
    const raw = edit.rawEnd + (position - edit.normEnd);
    return side === 'start' ? raw : raw + 1;
  }

  /** Index of the last edit starting at or before `position` (-1 if none), by binary search. */
  private lastEditAtOrBefore(position: number): number {
    let low = 0;
    let high = this.edits.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.edits[mid]!.normStart <= position) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  }
}

const unicodeSpaces = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const unicodeDashes = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;

/** Dash and space variants become ASCII so "702‑555‑0123" with non-breaking hyphens still reads. */
export const typographyStep: TextNormalizationStep = {
  name: 'normalize:typography',
  obfuscation: false,
  findReplacements(raw) {
    const out: TextReplacement[] = [];
    for (const m of raw.matchAll(unicodeSpaces)) out.push({ start: m.index, end: m.index + 1, replacement: ' ' });
    for (const m of raw.matchAll(unicodeDashes)) out.push({ start: m.index, end: m.index + 1, replacement: '-' });
    if (raw.includes('\uff0b')) for (const m of raw.matchAll(/\uff0b/g)) out.push({ start: m.index, end: m.index + 1, replacement: '+' });
    return out.sort((a, b) => a.start - b.start);
  },
};

/** Zero-width characters and soft hyphens are dropped: they are invisible and only split tokens. */
export const invisibleCharactersStep: TextNormalizationStep = {
  name: 'normalize:invisible-characters',
  obfuscation: true,
  findReplacements(raw) {
    return [...raw.matchAll(/[\u200b-\u200d\u2060\ufeff\u00ad]/g)].map((m) => ({ start: m.index, end: m.index + 1, replacement: '' }));
  },
};

/** Fullwidth digits (０-９) become ASCII; other Unicode digit sets are the next issue's work. */
export const fullwidthDigitsStep: TextNormalizationStep = {
  name: 'normalize:fullwidth-digits',
  obfuscation: true,
  findReplacements(raw) {
    return [...raw.matchAll(/[\uff10-\uff19]/g)].map((m) => ({
      start: m.index,
      end: m.index + 1,
      replacement: String.fromCharCode(m[0].charCodeAt(0) - 0xff10 + 0x30),
    }));
  },
};

export const defaultNormalizationSteps: readonly TextNormalizationStep[] = [typographyStep, invisibleCharactersStep, fullwidthDigitsStep];

/**
 * Applies the steps' replacements to the raw text. Where two steps claim overlapping raw spans the
 * earlier step in the list wins, so step order is a priority.
 */
export function normalizeText(raw: string, steps: readonly TextNormalizationStep[] = defaultNormalizationSteps): NormalizedText {
  const proposed: Array<TextReplacement & { stepIndex: number }> = [];
  steps.forEach((step, stepIndex) => {
    for (const r of step.findReplacements(raw)) proposed.push({ ...r, stepIndex });
  });
  proposed.sort((a, b) => a.start - b.start || a.stepIndex - b.stepIndex);

  const accepted: typeof proposed = [];
  let claimedUpTo = 0;
  for (const edit of proposed) {
    if (edit.start < claimedUpTo || edit.end <= edit.start) continue;
    accepted.push(edit);
    claimedUpTo = edit.end;
  }

  const edits: Edit[] = [];
  const parts: string[] = [];
  let rawPos = 0;
  let normPos = 0;
  for (const edit of accepted) {
    parts.push(raw.slice(rawPos, edit.start), edit.replacement);
    normPos += edit.start - rawPos;
    edits.push({ rawStart: edit.start, rawEnd: edit.end, normStart: normPos, normEnd: normPos + edit.replacement.length, stepIndex: edit.stepIndex });
    normPos += edit.replacement.length;
    rawPos = edit.end;
  }
  parts.push(raw.slice(rawPos));
  return new NormalizedText(raw, parts.join(''), edits, steps);
}
