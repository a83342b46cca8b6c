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

interface WordMeaning {
  digit: string | null;
  repeat: number;
}

/**
 * A trie over every language's words, as flat arrays indexed by node number (node 0 is the root):
 * a lookup per letter of every word of an ad is the hot loop, and array reads beat Map lookups.
 */
const languages = Object.keys(digitWords) as DigitWordLanguage[];
const allLanguages = (1 << languages.length) - 1;
/** Folded words are lowercase: ASCII children sit in a 128-slot row per node, others in one map. */
const asciiSlots = 128;
let asciiChildren = new Int32Array(asciiSlots);
const otherChildren = new Map<number, number>();
/** Bit i set: language i has a word ending at that node. */
const wordLanguages: number[] = [0];
const meanings: Array<Array<WordMeaning | undefined>> = [[]];

function childOf(node: number, code: number): number {
  if (code < asciiSlots) return asciiChildren[node * asciiSlots + code]!;
  return otherChildren.get(node * 0x10000 + code) ?? 0;
}

function addChild(node: number, code: number): number {
  const child = wordLanguages.length;
  wordLanguages.push(0);
  meanings.push([]);
  if (code < asciiSlots) {
    if (asciiChildren.length < (child + 1) * asciiSlots) {
      const grown = new Int32Array(asciiChildren.length * 2);
      grown.set(asciiChildren);
      asciiChildren = grown;
    }
    asciiChildren[node * asciiSlots + code] = child;
  } else otherChildren.set(node * 0x10000 + code, child);
  return child;
}

function addWord(word: string, languageIndex: number, meaning: WordMeaning): void {
  let node = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    node = childOf(node, code) || addChild(node, code);
  }
  wordLanguages[node]! |= 1 << languageIndex;
  meanings[node]![languageIndex] = meaning;
}

languages.forEach((language, index) => {
  digitWords[language].forEach((spellings, digit) => {
    for (const word of spellings) addWord(word, index, { digit: String(digit), repeat: 1 });
  });
  if (language === 'en') for (const [word, repeat] of Object.entries(repeatWords)) addWord(word, index, { digit: null, repeat });
});

/** Run-together words are read only in chunks up to this long ("sixtwotwoeightfouronenine2" fits). */
const longestChunk = 80;

/**
 * Characters inside a word that do not change it: apostrophes ("п'ять") and the invisible ones an ad
 * slips in to break filters ("sev\u00aden": a soft hyphen; zero-width spaces and joiners).
 */
export function isInWordJoiner(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2bc || code === 0x60 || code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

const noFold = -1;
const unknownFold = -2;
/** Folds of non-ASCII code units, computed once each: toLowerCase + NFD per letter cost more than the rest of the scan. */
const foldCache = new Int32Array(0x10000).fill(unknownFold);

/** Lowercase, without accents, as a UTF-16 code; combining marks fold to nothing (noFold: the base letter was already kept). */
function foldCode(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0x80) return code >= 65 && code <= 90 ? code + 32 : code;
  const known = foldCache[code]!;
  if (known !== unknownFold) return known;
  const folded = code >= 0x300 && code <= 0x36f ? Number.NaN : text[index]!.toLowerCase().normalize('NFD').charCodeAt(0);
  const value = Number.isNaN(folded) ? noFold : folded;
  foldCache[code] = value;
  return value;
}

// Work buffers reused by every call (a chunk is at most `longestChunk` code units): one lookup
// per word of an ad, so allocating them per call showed in profiles.
const foldedCodes = new Uint16Array(longestChunk);
const rawIndex = new Int32Array(longestChunk + 1);
const reach = new Uint16Array(longestChunk + 1);
const back = new Uint8Array((longestChunk + 1) * languages.length);

/**
 * The letter chunk text[start, end) read as number words of one language ("sixTWO",
 * "fouronenine", "cinq", "dziewięć", "п'ять"), or null when it is anything else ("someone",
 * "often", "tone"). Words of one chunk must come from one language: "eighteen" is not "eight" +
 * Dutch "een".
 */
export function readNumberWords(text: string, start: number, end: number): NumberWord[] | null {
  if (end - start < 2 || end - start > longestChunk) return null;
  // Most words of an ad are no number word, and their first two letters (folded) already tell:
  // two trie steps, no allocation. (A mark right after the first letter is not skipped here.)
  const second = isInWordJoiner(text.charCodeAt(start + 1)) ? start + 2 : start + 1;
  const first = foldCode(text, start);
  if (first === noFold) return null;
  const afterFirst = childOf(0, first);
  if (afterFirst === 0) return null;
  const next = foldCode(text, second);
  if (next === noFold || childOf(afterFirst, next) === 0) return null;
  // Words that begin like a number word ("service", "sehr", "online") mostly end no word of the trie
  // before it dies: then no split exists (segment would give up at its second position), and the
  // chunk is not folded whole.
  if (!endsWordOnFirstPath(text, start, end)) return null;
  let length = 0;
  for (let i = start; i < end; i++) {
    if (isInWordJoiner(text.charCodeAt(i))) continue;
    const folded = foldCode(text, i);
    if (folded === noFold) continue;
    foldedCodes[length] = folded;
    rawIndex[length++] = i;
  }
  rawIndex[length] = end;
  const words = segment(length);
  // A word's raw span runs up to the next word, so apostrophes and combining marks stay inside one.
  if (words) {
    for (const word of words) {
      word.start = rawIndex[word.start]!;
      word.end = rawIndex[word.end]!;
    }
  }
  return words;
}

/** Whether the trie walk from the chunk's start (folded as readNumberWords folds) passes the end of some word before it dies. */
function endsWordOnFirstPath(text: string, start: number, end: number): boolean {
  let node = 0;
  for (let i = start; i < end; i++) {
    if (isInWordJoiner(text.charCodeAt(i))) continue;
    const folded = foldCode(text, i);
    if (folded === noFold) continue;
    node = childOf(node, folded);
    if (node === 0) return false;
    if (wordLanguages[node] !== 0) return true;
  }
  return false;
}

/**
 * Splits foldedCodes[0, n) wholly into the words of one language (offsets into it), or null. One
 * walk of the trie from each reachable position serves all languages at once: reach[i] holds the
 * languages that can split folded[0, i), back[i * L + language] the length of its last word.
 */
function segment(n: number): NumberWord[] | null {
  const count = languages.length;
  // A loop, not reach.fill: chunks are a few letters, and the builtin's call cost more than the stores.
  for (let k = 0; k <= n; k++) reach[k] = 0;
  reach[0] = allLanguages;
  // Past the furthest reachable position nothing is reachable: a word that is no number word dies here.
  let furthest = 0;
  for (let i = 0; i < n; i++) {
    if (i > furthest) return null;
    if (reach[i] === 0) continue;
    let node = 0;
    for (let j = i; j < n; j++) {
      node = childOf(node, foldedCodes[j]!);
      if (node === 0) break;
      const gained = wordLanguages[node]! & reach[i]! & ~reach[j + 1]!;
      if (gained === 0) continue;
      reach[j + 1]! |= gained;
      if (j + 1 > furthest) furthest = j + 1;
      for (let language = 0; language < count; language++) if (gained & (1 << language)) back[(j + 1) * count + language] = j + 1 - i;
    }
  }
  if (reach[n] === 0) return null;
  let language = 0;
  while (!(reach[n]! & (1 << language))) language++;
  const words: NumberWord[] = [];
  for (let wordEnd = n; wordEnd > 0; ) {
    const wordLength = back[wordEnd * count + language]!;
    const meaning = trieMeaning(wordEnd - wordLength, wordEnd, language);
    words.push({ start: wordEnd - wordLength, end: wordEnd, digit: meaning.digit, repeat: meaning.repeat });
    wordEnd -= wordLength;
  }
  return words.reverse();
}

function trieMeaning(start: number, end: number, language: number): WordMeaning {
  let node = 0;
  for (let i = start; i < end; i++) node = childOf(node, foldedCodes[i]!);
  return meanings[node]![language]!;
}
