import { digitWords, repeatWords, type DigitWordLanguage } from './number-words-data.js';

/** One word read out of a letter chunk, with its raw span. */
export interface NumberWord {
  start: number;
  end: number;
  /** The digit it names, or null for a repeat word ("double"), which takes the next digit. */
  digit: string | null;
  /** How many times the next digit is written, for a repeat word. */
  repeat: number;
}

/** A trie over every language's words; each node knows which languages end a word there, and as what. */
interface TrieNode {
  next: Map<string, TrieNode>;
  /** Bit i set: language i has a word ending here. */
  languages: number;
  meaning: Array<{ digit: string | null; repeat: number } | undefined>;
}

const languages = Object.keys(digitWords) as DigitWordLanguage[];
const allLanguages = (1 << languages.length) - 1;
const root: TrieNode = { next: new Map(), languages: 0, meaning: [] };
const prefixes = new Set<string>();

function addWord(word: string, languageIndex: number, meaning: { digit: string | null; repeat: number }): void {
  let node = root;
  for (const char of word) {
    let child = node.next.get(char);
    if (!child) node.next.set(char, (child = { next: new Map(), languages: 0, meaning: [] }));
    node = child;
  }
  node.languages |= 1 << languageIndex;
  node.meaning[languageIndex] = meaning;
  prefixes.add(word.slice(0, 2));
}

languages.forEach((language, index) => {
  digitWords[language].forEach((spellings, digit) => {
    for (const word of spellings) addWord(word, index, { digit: String(digit), repeat: 1 });
  });
  if (language === 'en') for (const [word, repeat] of Object.entries(repeatWords)) addWord(word, index, { digit: null, repeat });
});

/** Run-together words are read only in chunks up to this long ("sixtwotwoeightfouronenine2" fits). */
const longestChunk = 80;

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2bc || code === 0x60;
}

/** Lowercase, without accents; combining marks fold to "" (the base letter was already kept). */
function foldCode(text: string, index: number): string {
  const code = text.charCodeAt(index);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[index]!;
  if (code >= 0x300 && code <= 0x36f) return '';
  return text[index]!.toLowerCase().normalize('NFD')[0] ?? '';
}

/**
 * The letter chunk text[start, end) read as number words of one language ("sixTWO",
 * "fouronenine", "cinq", "dziewięć", "п'ять"), or null when it is anything else ("someone",
 * "often", "tone"). Words of one chunk must come from one language: "eighteen" is not "eight" +
 * Dutch "een".
 */
export function readNumberWords(text: string, start: number, end: number): NumberWord[] | null {
  if (end - start < 2 || end - start > longestChunk) return null;
  const second = isApostrophe(text.charCodeAt(start + 1)) ? start + 2 : start + 1;
  if (!prefixes.has(foldCode(text, start) + foldCode(text, second))) return null;
  let folded = '';
  const rawIndex: number[] = [];
  for (let i = start; i < end; i++) {
    if (isApostrophe(text.charCodeAt(i))) continue;
    const f = foldCode(text, i);
    for (let k = 0; k < f.length; k++) rawIndex.push(i);
    folded += f;
  }
  rawIndex.push(end);
  const words = segment(folded);
  // A word's raw span runs up to the next word, so apostrophes and combining marks stay inside one.
  return words && words.map((w) => ({ ...w, start: rawIndex[w.start]!, end: rawIndex[w.end]! }));
}

/**
 * Splits `folded` wholly into the words of one language (offsets into `folded`), or null. One walk
 * of the trie from each reachable position serves all languages at once: reach[i] holds the
 * languages that can split folded[0, i), back[i * L + language] the length of its last word.
 */
function segment(folded: string): NumberWord[] | null {
  const n = folded.length;
  const count = languages.length;
  const reach = new Uint16Array(n + 1);
  const back = new Uint8Array((n + 1) * count);
  reach[0] = allLanguages;
  for (let i = 0; i < n; i++) {
    if (reach[i] === 0) continue;
    let node: TrieNode | undefined = root;
    for (let j = i; j < n; j++) {
      node = node.next.get(folded[j]!);
      if (!node) break;
      const gained = node.languages & reach[i]! & ~reach[j + 1]!;
      if (gained === 0) continue;
      reach[j + 1]! |= gained;
      for (let language = 0; language < count; language++) if (gained & (1 << language)) back[(j + 1) * count + language] = j + 1 - i;
    }
  }
  if (reach[n] === 0) return null;
  let language = 0;
  while (!(reach[n]! & (1 << language))) language++;
  const words: NumberWord[] = [];
  for (let end = n; end > 0; ) {
    const length = back[end * count + language]!;
    const meaning = trieMeaning(folded.slice(end - length, end), language);
    words.push({ start: end - length, end, digit: meaning.digit, repeat: meaning.repeat });
    end -= length;
  }
  return words.reverse();
}

function trieMeaning(word: string, language: number): { digit: string | null; repeat: number } {
  let node = root;
  for (const char of word) node = node.next.get(char)!;
  return node.meaning[language]!;
}
