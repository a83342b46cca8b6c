/**
 * The words of a text as SQLite's FTS5 `unicode61 remove_diacritics 2` tokenizer reads them, so
 * that a text query matches the same ads on both stores. Elasticsearch cannot do this itself here:
 * the standard tokenizer keeps "velvet:evenings" and "example.com" whole, and the folding filters
 * live in analysis-common. So the store folds and splits the text itself and indexes the result,
 * tokens joined by spaces, with the built-in `whitespace` analyzer.
 *
 * unicode61's rules, checked against SQLite in search-words.test.ts: a word is a run of letters,
 * numbers and private-use characters; every other character separates words (marks too, except
 * the combining diacritics U+0300–U+036F, which belong to the word and are dropped); case is
 * folded; a Latin letter loses its diacritics (é → e, but ø, ł and Cyrillic ё stay as they are).
 */

export interface WordToken {
  /** UTF-16 offsets of the word in the text. */
  start: number;
  end: number;
  /** The word as it is indexed and compared: case and Latin diacritics folded. */
  folded: string;
}

/** A word of a text query: its tokens (more than one for "velvet:evenings") and whether the last is a prefix. */
export interface QueryPhrase {
  tokens: string[];
  prefix: boolean;
}

const combiningDiacritics = /[\u0300-\u036f]/g;
const wordCharacter = /^[\p{L}\p{N}\p{Co}\u0300-\u036f]$/u;
const latinLetter = /^\p{Script=Latin}$/u;
/** Folding results of the non-ASCII characters met so far: texts reuse few distinct characters. */
const foldedCharacters = new Map<number, string | null>();

/** The folded form of a non-ASCII character, or null when it separates words. */
function foldNonAscii(codePoint: number, character: string): string | null {
  let folded = foldedCharacters.get(codePoint);
  if (folded !== undefined) return folded;
  if (!wordCharacter.test(character)) folded = null;
  else {
    const lower = character.toLowerCase();
    folded = (latinLetter.test(character) ? lower.normalize('NFD') : lower).replace(combiningDiacritics, '');
  }
  foldedCharacters.set(codePoint, folded);
  return folded;
}

/** The words of `text` with where they are. */
export function wordTokens(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  let start = -1;
  let folded = '';
  const flush = (end: number): void => {
    if (start >= 0 && folded !== '') tokens.push({ start, end, folded });
    start = -1;
    folded = '';
  };
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    let piece: string | null;
    let width = 1;
    if (code < 0x80) {
      // ASCII fast path: letters and digits only, lowercased.
      if (code >= 0x61 && code <= 0x7a) piece = text[i]!;
      else if (code >= 0x41 && code <= 0x5a) piece = String.fromCharCode(code + 32);
      else if (code >= 0x30 && code <= 0x39) piece = text[i]!;
      else piece = null;
    } else {
      const codePoint = text.codePointAt(i)!;
      width = codePoint > 0xffff ? 2 : 1;
      piece = foldNonAscii(codePoint, text.slice(i, i + width));
    }
    if (piece === null) flush(i);
    else {
      if (start < 0) start = i;
      folded += piece;
    }
    i += width;
  }
  flush(text.length);
  return tokens;
}

const asciiOnly = /^[^\u0080-\uffff]*$/;

/** The text as it is indexed for search: its folded words separated by single spaces. */
export function searchWords(text: string): string {
  // Most ad text is ASCII, where a word is a run of letters and digits: a regex does it five times faster.
  if (asciiOnly.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return wordTokens(text)
    .map((token) => token.folded)
    .join(' ');
}

/**
 * The words of a user's query, read as the SQLite store reads them (fts-query.ts): split on
 * whitespace, a trailing `*` makes a word a prefix, nothing else is syntax, and a word without a
 * letter or digit is dropped. An empty result means the query can match nothing.
 */
export function parseTextQuery(userText: string): QueryPhrase[] {
  const phrases: QueryPhrase[] = [];
  for (const word of userText.replace(/\p{Cc}/gu, ' ').split(/\s+/)) {
    const prefix = word.length > 1 && word.endsWith('*');
    const body = prefix ? word.replace(/\*+$/, '') : word;
    if (!/[\p{L}\p{N}]/u.test(body)) continue;
    const tokens = wordTokens(body).map((token) => token.folded);
    if (tokens.length > 0) phrases.push({ tokens, prefix });
  }
  return phrases;
}
