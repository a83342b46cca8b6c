import { canonicalCaseCode, isWordCharCode } from '../word-char-codes.js';

/** Where a label word was found: text[start, end) matched it case-insensitively. */
export interface LabelWordMatch {
  start: number;
  end: number;
  /** As written in the text. */
  written: string;
}

/**
 * The trie of the words as flat arrays indexed by node number (0 is the root, and no node's child):
 * it is walked at most word starts of every text, and array reads beat a Map per node. Children by
 * canonical case code: ASCII ones in a 128-slot row per node, others in one map.
 */
const asciiSlots = 128;

/** A label word as a regex source: special characters escaped, its space one optional blank or tab. */
export const escapeWord = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t]?');

/**
 * Finds label words (lowercase; a space stands for one optional blank or tab) at the starts of
 * words, with what a global case-insensitive alternation of them, longest first, would match
 * there. Scanning a text with that alternation tries every word at every position and took most of
 * the handle rule's time; here a trie of the words is walked from each word start only, and dies
 * on the first character no word continues with (most words), so the alternation runs only where
 * a word is already known to match.
 *
 * Words matched right after a letter or digit are never reported: callers want whole words, and
 * such a match could only hide a later one (the alternation resumes after it) if it ran over a
 * blank into the start of another word, which the constructor rules out.
 */
export class LabelWordFinder {
  private asciiChildren = new Int32Array(asciiSlots);
  private readonly otherChildren = new Map<number, number>();
  /** Per node: 1 when a whole word ends there. */
  private readonly wordEnds: number[] = [0];
  /** Per node: 1 when some word has a space there, which the text may write as one blank or none. */
  private readonly blanks: number[] = [0];
  private readonly wordAt: RegExp;

  constructor(words: readonly string[]) {
    for (const word of words) this.add(word);
    this.wordAt = new RegExp([...words].sort((a, b) => b.length - a.length).map(escapeWord).join('|'), 'iy');
    assertNoWordHidesAnother(words);
  }

  find(text: string): LabelWordMatch[] {
    const found: LabelWordMatch[] = [];
    const firstCodes = this.firstCodes;
    let afterWordChar = false;
    for (let i = 0; i < text.length; ) {
      const code = text.charCodeAt(i);
      // The typed-array test first: this runs on every character of every text.
      if (!afterWordChar && firstCodes[code] !== 2 && this.beginsSomeWord(code) && this.startsWord(text, i)) {
        this.wordAt.lastIndex = i;
        const m = this.wordAt.exec(text);
        if (m) {
          found.push({ start: i, end: this.wordAt.lastIndex, written: m[0] });
          // As the alternation would: go on after the match, its last character deciding the next word start.
          i = this.wordAt.lastIndex;
          afterWordChar = isWordCharCode(text.charCodeAt(i - 1));
          continue;
        }
      }
      afterWordChar = isWordCharCode(code);
      i++;
    }
    return found;
  }

  /** Per code unit: 0 not looked up yet, 1 some word begins with it, 2 none does. */
  private readonly firstCodes = new Uint8Array(0x10000);

  private beginsSomeWord(code: number): boolean {
    let known = this.firstCodes[code]!;
    if (known === 0) {
      known = this.childOf(0, canonicalCaseCode(code)) !== 0 ? 1 : 2;
      this.firstCodes[code] = known;
    }
    return known === 1;
  }

  private childOf(node: number, key: number): number {
    if (key < asciiSlots) return this.asciiChildren[node * asciiSlots + key]!;
    return this.otherChildren.get(node * 0x10000 + key) ?? 0;
  }

  private addChild(node: number, key: number): number {
    const child = this.wordEnds.length;
    this.wordEnds.push(0);
    this.blanks.push(0);
    if (key < asciiSlots) {
      if (this.asciiChildren.length < (child + 1) * asciiSlots) {
        const grown = new Int32Array(this.asciiChildren.length * 2);
        grown.set(this.asciiChildren);
        this.asciiChildren = grown;
      }
      this.asciiChildren[node * asciiSlots + key] = child;
    } else this.otherChildren.set(node * 0x10000 + key, child);
    return child;
  }

  private add(word: string): void {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      if (word[i] === ' ') {
        this.blanks[node] = 1;
        continue;
      }
      const key = canonicalCaseCode(word.charCodeAt(i));
      node = this.childOf(node, key) || this.addChild(node, key);
    }
    this.wordEnds[node] = 1;
  }

  /** Whether some word could match at `start`: a cheap necessary condition for the alternation. */
  private startsWord(text: string, start: number): boolean {
    let node = 0;
    for (let i = start; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (this.blanks[node] === 1 && (code === 32 || code === 9)) {
        if (++i >= text.length) return false;
        code = text.charCodeAt(i);
      }
      const child = this.childOf(node, canonicalCaseCode(code));
      if (child === 0) return false;
      if (this.wordEnds[child] === 1) return true;
      node = child;
    }
    return false;
  }
}

/**
 * The finder tries only positions after a character that is no letter or digit. That equals the
 * alternation's result unless a match made inside a word (rejected by callers) runs over such a
 * character into a place where another word could begin: "aline idx" would let the alternation
 * take "line id" and skip "idx", were "idx" a word. Refuse words that allow this.
 */
function assertNoWordHidesAnother(words: readonly string[]): void {
  const spelled = words.map((w) => w.replace(/ /g, ''));
  for (const word of words) {
    for (let i = 1; i < word.length; i++) {
      if (word[i - 1] !== ' ' && isWordCharCode(word.charCodeAt(i - 1))) continue;
      const rest = word.slice(i).replace(/ /g, '');
      const hidden = spelled.find((w) => rest !== '' && (w.startsWith(rest) || rest.startsWith(w)));
      if (hidden !== undefined) throw new Error(`label word "${word}" can run into the label word "${hidden}"`);
    }
  }
}
