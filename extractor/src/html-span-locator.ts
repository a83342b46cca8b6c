/**
 * Where text read from a page's rendering sits in the page's HTML source. Rendering decodes
 * entities, collapses whitespace and joins text across inline elements, so the text is looked for
 * with any markup between its characters, each character literal or as a character reference, and
 * each whitespace run as any run of whitespace, &nbsp; or markup. The first such span wins.
 */
export function locateInHtml(html: string, text: string): { start: number; end: number } | null {
  if (text === '') return null;
  const verbatim = html.indexOf(text);
  if (verbatim >= 0) return { start: verbatim, end: verbatim + text.length };
  const match = spanPattern(text).exec(html);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

const markup = '<[^>]*>';
const whitespaceRun = `(?:\\s|&nbsp;|&#0*160;|&#[xX]0*[aA]0;|${markup})+`;
const namedReferences: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function spanPattern(text: string): RegExp {
  const parts: string[] = [];
  let previousWasSpace = false;
  for (const char of text) {
    const isSpace = /\s/.test(char);
    if (isSpace) {
      if (!previousWasSpace) parts.push(whitespaceRun);
    } else {
      if (parts.length > 0 && !previousWasSpace) parts.push(`(?:${markup})*`);
      parts.push(characterPattern(char));
    }
    previousWasSpace = isSpace;
  }
  return new RegExp(parts.join(''));
}

function characterPattern(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = code.toString(16);
  const alternatives = [
    char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'),
    `&#0*${code};`,
    `&#[xX]0*(?:${hex.toLowerCase()}|${hex.toUpperCase()});`,
  ];
  const named = namedReferences[char];
  if (named) alternatives.push(named);
  return `(?:${alternatives.join('|')})`;
}
