/**
 * Turns what a user typed into an FTS5 query that means only "all these words": every word is
 * quoted, so FTS5 operators (AND, OR, NOT, NEAR, column filters, parentheses, quotes) in the input
 * are searched for as text, never interpreted. A trailing `*` keeps its usual meaning of a prefix.
 *
 * Returns null when the input holds no searchable word (only punctuation): such a query matches
 * nothing, rather than throwing or matching everything.
 */
export function toFtsQuery(userText: string): string | null {
  const terms: string[] = [];
  // SQLite reads the query as a C string: a NUL would end it inside a quote. Other control characters go too.
  for (const word of userText.replace(/\p{Cc}/gu, ' ').split(/\s+/)) {
    const isPrefix = word.length > 1 && word.endsWith('*');
    const body = isPrefix ? word.replace(/\*+$/, '') : word;
    // unicode61 splits on everything but letters, numbers and marks; a word without them has no tokens.
    if (!/[\p{L}\p{N}]/u.test(body)) continue;
    terms.push(`"${body.replaceAll('"', '""')}"${isPrefix ? '*' : ''}`);
  }
  return terms.length > 0 ? terms.join(' ') : null;
}
