/**
 * htmlparser2 keeps its open-element stack with Array#unshift, so parsing costs O(depth) per tag:
 * a page of 100,000 nested <div>s (malformed or hostile) takes minutes. Real pages nest a few dozen
 * levels. Before parsing, tags that would open deeper than the limit are dropped (with their closing
 * tags), which keeps all the text and flattens only the absurd part of the tree.
 */
const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g;
/** Void elements never nest; these close implicitly, so counting them would overstate the depth. */
const notCounted = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rp',
]);
export const defaultMaxNesting = 1000;

export function limitNesting(html: string, maxDepth = defaultMaxNesting): { html: string; flattened: boolean } {
  // Each level needs its own "<": a page with fewer tags than the limit cannot nest too deep.
  if (html.length < maxDepth * 3 || countOf('<', html, maxDepth) < maxDepth) return { html, flattened: false };
  if (!exceedsDepth(html, maxDepth)) return { html, flattened: false };
  let depth = 0;
  const flattened = html.replace(tagPattern, (tag: string, closing: string, rawName: string, selfClosing: string) => {
    const name = rawName.toLowerCase();
    if (notCounted.has(name) || selfClosing) return tag;
    if (closing) {
      const drop = depth > maxDepth;
      depth = Math.max(0, depth - 1);
      return drop ? '' : tag;
    }
    depth++;
    return depth > maxDepth ? '' : tag;
  });
  return { html: flattened, flattened: true };
}

/** Occurrences of `char` in `text`, counting no further than `enough`. */
function countOf(char: string, text: string, enough: number): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1 && count < enough; i = text.indexOf(char, i + 1)) count++;
  return count;
}

function exceedsDepth(html: string, maxDepth: number): boolean {
  let depth = 0;
  for (const m of html.matchAll(tagPattern)) {
    const name = m[2]!.toLowerCase();
    if (notCounted.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > maxDepth) return true;
  }
  return false;
}
