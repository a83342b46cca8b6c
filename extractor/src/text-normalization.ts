import { CharacterKind, characterKindsIn } from './character-kinds.js';
import { htmlEntityStep } from './deobfuscation/html-entity-step.js';
import { numberWordsStep } from './deobfuscation/number-words-step.js';
import { unicodeDigitsStep } from './deobfuscation/unicode-digits-step.js';
import { invisibleCharacters, plainCharacterForm, typographicCharacters } from './plain-character-forms.js';

/**
 * The seam between raw text and the extractor rules. Rules match on a normalised copy of the text
 * (typographic dashes and spaces made plain, invisible characters dropped, digits of every script
 * and number words inside numeric runs made ASCII digits, see deobfuscation/) and every match is
 * mapped back to the raw offsets, so provenance always points at what the page really said.
 * De-obfuscation adds steps here; the rules do not change.
 */

/** One edit a normalisation step makes: raw[start, end) becomes `replacement`. */
export interface TextReplacement {
  start: number;
  end: number;
  replacement: string;
  /** The rule name provenance reports for this edit, when a step makes several kinds (default: the step's name). */
  stepName?: string;
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
  stepName: string;
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
      stepNames.add(edit.stepName);
      if (this.steps[edit.stepIndex]!.obfuscation) obfuscated = true;
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

/** Dash and space variants become ASCII so "702‑555‑0123" with non-breaking hyphens still reads. */
export const typographyStep: TextNormalizationStep = {
  name: 'normalize:typography',
  obfuscation: false,
  findReplacements(raw) {
    if (!(characterKindsIn(raw) & CharacterKind.Typographic)) return [];
    // matchAll works on a copy of the pattern, so the shared one keeps no state between texts.
    return [...raw.matchAll(typographicCharacters)].map((m) => ({ start: m.index, end: m.index + 1, replacement: plainCharacterForm(raw.charCodeAt(m.index))! }));
  },
};

/** Zero-width characters and soft hyphens are dropped: they are invisible and only split tokens. */
export const invisibleCharactersStep: TextNormalizationStep = {
  name: 'normalize:invisible-characters',
  obfuscation: true,
  findReplacements(raw) {
    if (!(characterKindsIn(raw) & CharacterKind.Invisible)) return [];
    return [...raw.matchAll(invisibleCharacters)].map((m) => ({ start: m.index, end: m.index + 1, replacement: '' }));
  },
};

/**
 * Steps in priority order (an earlier step wins a contested span). The digit and number-word steps
 * come last: they only claim characters the earlier steps leave alone.
 */
export const defaultNormalizationSteps: readonly TextNormalizationStep[] = [htmlEntityStep, typographyStep, invisibleCharactersStep, unicodeDigitsStep, numberWordsStep];

/**
 * Applies the steps' replacements to the raw text. Where two steps claim overlapping raw spans the
 * earlier step in the list wins, so step order is a priority.
 */
export function normalizeText(raw: string, steps: readonly TextNormalizationStep[] = defaultNormalizationSteps): NormalizedText {
  // Each step's list is already in order: merge them (a k-way merge of a handful of lists) rather
  // than copy and sort every replacement, which dominated on texts with hundreds of thousands.
  const lists = steps.map((step) => step.findReplacements(raw));
  // Nothing to rewrite (plain text, the common case): the text is its own normalised form.
  if (lists.every((list) => list.length === 0)) return new NormalizedText(raw, raw, [], steps);
  const cursors = lists.map(() => 0);
  const edits: Edit[] = [];
  const parts: string[] = [];
  let rawPos = 0;
  let normPos = 0;
  for (;;) {
    let stepIndex = -1;
    let next: TextReplacement | undefined;
    for (let i = 0; i < lists.length; i++) {
      const candidate = lists[i]![cursors[i]!];
      if (candidate && (!next || candidate.start < next.start)) {
        next = candidate;
        stepIndex = i;
      }
    }
    if (!next) break;
    cursors[stepIndex]!++;
    // A span an earlier replacement claimed stays claimed (ties go to the earlier step: it is seen first).
    if (next.start < rawPos || next.end <= next.start) continue;
    parts.push(raw.slice(rawPos, next.start), next.replacement);
    normPos += next.start - rawPos;
    const stepName = next.stepName ?? steps[stepIndex]!.name;
    edits.push({ rawStart: next.start, rawEnd: next.end, normStart: normPos, normEnd: normPos + next.replacement.length, stepIndex, stepName });
    normPos += next.replacement.length;
    rawPos = next.end;
  }
  parts.push(raw.slice(rawPos));
  return new NormalizedText(raw, parts.join(''), edits, steps);
}
