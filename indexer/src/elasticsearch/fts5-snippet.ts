import { matchClose, matchOpen } from '../snippet.js';
import { wordTokens, type QueryPhrase, type WordToken } from './search-words.js';

/** Tokens per snippet: the value the SQLite store passes to FTS5's snippet(). */
const snippetTokens = 24;
const ellipsis = '…';

interface Instance {
  phrase: number;
  column: number;
  /** Token position of the phrase's first token. */
  position: number;
}

interface Column {
  text: string;
  tokens: WordToken[];
}

/**
 * FTS5's snippet() (sqlite3.c, fts5SnippetFunction), rebuilt over the same words (search-words.ts)
 * so that a text match reads the same on the Elasticsearch store as on the SQLite one: the window
 * of 24 tokens with the most distinct phrases (sentence starts preferred), matches wrapped in «».
 * `onlyColumn` restricts it to one column, as snippet(table, N, ...) does; -1 picks the best.
 */
export function fts5Snippet(texts: readonly string[], phrases: readonly QueryPhrase[], onlyColumn = -1): string {
  const columns: Column[] = texts.map((text) => ({ text, tokens: wordTokens(text) }));
  const instances = phraseInstances(columns, phrases);
  let bestColumn = onlyColumn >= 0 ? onlyColumn : 0;
  let bestStart = 0;
  let bestScore = 0;
  columns.forEach((column, index) => {
    if (onlyColumn >= 0 && onlyColumn !== index) return;
    const sentenceStarts = sentenceStartPositions(column);
    const size = column.tokens.length;
    for (const instance of instances) {
      if (instance.column !== index) continue;
      const { score, adjustedStart } = windowScore(instances, phrases, index, instance.position, size);
      if (score > bestScore) {
        bestScore = score;
        bestColumn = index;
        bestStart = adjustedStart;
      }
      if (sentenceStarts.length > 0 && size > snippetTokens) {
        let jj = 0;
        for (; jj < sentenceStarts.length - 1; jj++) if (sentenceStarts[jj + 1]! > instance.position) break;
        const sentenceStart = sentenceStarts[jj]!;
        if (sentenceStart < instance.position) {
          const fromSentence = windowScore(instances, phrases, index, sentenceStart, size).score + (sentenceStart === 0 ? 120 : 100);
          if (fromSentence > bestScore) {
            bestScore = fromSentence;
            bestColumn = index;
            bestStart = sentenceStart;
          }
        }
      }
    }
  });
  const column = columns[bestColumn];
  if (!column) return '';
  return highlight(column, coalescedMatches(instances, phrases, bestColumn), bestStart);
}

/** Every place a phrase matches, in (column, position, phrase) order, as FTS5's xInst lists them. */
function phraseInstances(columns: readonly Column[], phrases: readonly QueryPhrase[]): Instance[] {
  const instances: Instance[] = [];
  columns.forEach((column, columnIndex) => {
    for (let position = 0; position < column.tokens.length; position++) {
      phrases.forEach((phrase, phraseIndex) => {
        if (phraseMatchesAt(column.tokens, position, phrase)) instances.push({ phrase: phraseIndex, column: columnIndex, position });
      });
    }
  });
  return instances;
}

function phraseMatchesAt(tokens: readonly WordToken[], position: number, phrase: QueryPhrase): boolean {
  if (position + phrase.tokens.length > tokens.length) return false;
  return phrase.tokens.every((wanted, offset) => {
    const token = tokens[position + offset]!.folded;
    const isLast = offset === phrase.tokens.length - 1;
    return phrase.prefix && isLast ? token.startsWith(wanted) : token === wanted;
  });
}

/** Positions of the tokens that start a sentence: the first, and any after "." or ":" and whitespace. */
function sentenceStartPositions(column: Column): number[] {
  const starts: number[] = [];
  column.tokens.forEach((token, position) => {
    if (position === 0) {
      starts.push(0);
      return;
    }
    let i = token.start - 1;
    while (i >= 0 && ' \t\n\r'.includes(column.text[i]!)) i--;
    if (i !== token.start - 1 && i >= 0 && (column.text[i] === '.' || column.text[i] === ':')) starts.push(position);
  });
  return starts;
}

/** fts5SnippetScore: 1000 per distinct phrase in the window, 1 per repeat; and the window centred on them. */
function windowScore(instances: readonly Instance[], phrases: readonly QueryPhrase[], column: number, start: number, columnSize: number): { score: number; adjustedStart: number } {
  const seen = new Set<number>();
  let score = 0;
  let first = -1;
  let last = 0;
  for (const instance of instances) {
    if (instance.column !== column || instance.position < start || instance.position >= start + snippetTokens) continue;
    score += seen.has(instance.phrase) ? 1 : 1000;
    seen.add(instance.phrase);
    if (first < 0) first = instance.position;
    last = instance.position + phrases[instance.phrase]!.tokens.length;
  }
  // C integer division truncates toward zero.
  let adjusted = first - Math.trunc((snippetTokens - (last - first)) / 2);
  if (adjusted + snippetTokens > columnSize) adjusted = columnSize - snippetTokens;
  if (adjusted < 0) adjusted = 0;
  return { score, adjustedStart: adjusted };
}

/** fts5CInstIter: the column's matches with overlapping ones merged, as [first, last] token positions. */
function coalescedMatches(instances: readonly Instance[], phrases: readonly QueryPhrase[], column: number): Array<{ first: number; last: number }> {
  const merged: Array<{ first: number; last: number }> = [];
  for (const instance of instances) {
    if (instance.column !== column) continue;
    const last = instance.position - 1 + phrases[instance.phrase]!.tokens.length;
    const current = merged.at(-1);
    if (current && instance.position <= current.last) current.last = Math.max(current.last, last);
    else merged.push({ first: instance.position, last });
  }
  return merged;
}

/** fts5HighlightCb over the window [start, start + 24), with the ellipses snippet() adds. */
function highlight(column: Column, matches: ReadonlyArray<{ first: number; last: number }>, rangeStart: number): string {
  const { text, tokens } = column;
  const rangeEnd = rangeStart + snippetTokens - 1;
  let out = rangeStart > 0 ? ellipsis : '';
  let copied = 0;
  let open = false;
  let next = 0;
  while (next < matches.length && matches[next]!.first < rangeStart) next++;
  const match = (): { first: number; last: number } | undefined => matches[next];
  for (let position = 0; position < tokens.length; position++) {
    if (position < rangeStart || position > rangeEnd) continue;
    const token = tokens[position]!;
    if (rangeStart > 0 && position === rangeStart) copied = token.start;
    const current = match();
    if (open && (current === undefined || position <= current.first) && token.start > copied) {
      out += matchClose;
      open = false;
    }
    if (current && position === current.first && !open) {
      out += text.slice(copied, token.start) + matchOpen;
      copied = token.start;
      open = true;
    }
    if (current && position === current.last) {
      if (!open) {
        out += matchOpen;
        open = true;
      }
      out += text.slice(copied, token.end);
      copied = token.end;
      next++;
    }
    if (position === rangeEnd) {
      const after = match();
      if (open) {
        if (after && position >= after.first) {
          out += text.slice(copied, token.end);
          copied = token.end;
        }
        out += matchClose;
        open = false;
      }
      out += text.slice(copied, token.end);
      copied = token.end;
    }
  }
  if (open) out += matchClose;
  out += rangeEnd >= tokens.length - 1 ? text.slice(copied) : ellipsis;
  return out;
}
