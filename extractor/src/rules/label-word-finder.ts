import { canonicalCaseCode, isWordCharCode } from '../word-char-codes.js';

/** Where a label word was found: text[start, end) matched it case-insensitively. */
export interface LabelWordMatch {
  start: number;
  end: number;
  /** As written in the text. */
  written: string;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  /** A whole word ends here. */
  end: boolean;
  /** Some word has a space here, which the text may write as one blank or none. */
  blank: boolean;
}

const newNode = (): TrieNode => ({ next: new Map(), end: false, blank: false });
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
  private readonly root = newNode();
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
      known = this.root.next.has(canonicalCaseCode(code)) ? 1 : 2;
      this.firstCodes[code] = known;
    }
    return known === 1;
  }

  private add(word: string): void {
    let node = this.root;
    for (let i = 0; i < word.length; i++) {
      if (word[i] === ' ') {
        node.blank = true;
        continue;
      }
      const key = canonicalCaseCode(word.charCodeAt(i));
      let child = node.next.get(key);
      if (!child) {
        child = newNode();
        node.next.set(key, child);
      }
      node = child;
    }
    node.end = true;
  }

  /** Whether some word could match at `start`: a cheap necessary condition for the alternation. */
  private startsWord(text: string, start: number): boolean {
    let node = this.root;
    for (let i = start; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (node.blank && (code === 32 || code === 9)) {
        if (++i >= text.length) return false;
        code = text.charCodeAt(i);
      }
      const child = node.next.get(canonicalCaseCode(code));
      if (!child) return false;
      if (child.end) return true;
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
