/**
 * Auto mode's test: does this server-sent HTML need a browser to show its content? Cheap
 * (regular expressions on the body, no DOM), and deliberately leaning towards "yes" on thin pages:
 * fetching a page twice costs less than missing an ad that only scripts draw.
 */

/** An element with one of these ids is where a single-page-app framework draws the page. */
const appRootIds = ['root', 'app', '__next', '__nuxt', '___gatsby', 'svelte', 'ember-app', 'q-app', 'main-app', 'application'];
const appRootPattern = new RegExp(`<(div|main|section|app-root)\\b[^>]*\\sid\\s*=\\s*["']?(?:${appRootIds.join('|')})(?:["'\\s][^>]*)?>`, 'gi');
const appAttributePattern = /<[a-z]+\b[^>]*\b(ng-app|data-reactroot|data-server-rendered)\b/i;

/** Text of a <noscript> that asks for JavaScript, in the languages the testbed and typical sites use. */
const enableJavaScriptPattern =
  /\b(enable|turn on|activate|allow|switch on)\s+(your\s+)?javascript|javascript\s+(is\s+)?(required|disabled|needed|must be enabled|to run this app)|(needs?|requires?)\s+javascript|without\s+javascript|(activa|habilita)(r|te)?\s+(el\s+)?javascript|javascript\s+(aktivieren|activ[eé])|activez\s+javascript/i;

/** Less visible text than this (characters) and hardly any links: nothing a server drew. */
const nearEmptyTextChars = 50;
const nearEmptyMaxLinks = 2;
/** A page with at least this much visible text is server-rendered, whatever else it has. */
const substantialTextChars = 1000;

export function looksScriptRendered(html: string, bodyText?: string): boolean {
  const body = bodyOf(html);
  const noscriptTexts = [...body.matchAll(/<noscript\b[^>]*>([\s\S]*?)<\/noscript>/gi)].map((match) => visibleText(match[1]!));
  const text = bodyText !== undefined ? collapse(bodyText) : visibleText(withoutNoscript(body));
  const links = (body.match(/<a\b[^>]*\bhref\s*=/gi) ?? []).length;

  if (text.length < nearEmptyTextChars && links <= nearEmptyMaxLinks) return true;
  // A page with plenty of server-drawn text is not waiting for scripts, whatever widget mount
  // points or courtesy notices it also carries.
  if (text.length >= substantialTextChars) return false;
  if (hasEmptyAppRoot(body)) return true;
  return noscriptTexts.some((notice) => enableJavaScriptPattern.test(notice));
}

function hasEmptyAppRoot(body: string): boolean {
  for (const match of body.matchAll(appRootPattern)) {
    const inside = elementContent(body, match[1]!.toLowerCase(), match.index + match[0].length);
    if (visibleText(withoutNoscript(inside)).length === 0 && !/<(img|a|picture|video)\b/i.test(inside)) return true;
  }
  // An app root that is the body itself (`<body ng-app>`) with nothing in it was caught above as near-empty.
  return appAttributePattern.test(body) && visibleText(withoutNoscript(body)).length < nearEmptyTextChars;
}

/** What lies between an opening tag (ending at `from`) and its matching closing tag, nested same-name tags counted. */
function elementContent(html: string, tag: string, from: number): string {
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  tags.lastIndex = from;
  let depth = 1;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return html.slice(from, match.index);
  }
  return html.slice(from);
}

function bodyOf(html: string): string {
  const open = /<body\b[^>]*>/i.exec(html);
  if (open) {
    const start = open.index + open[0].length;
    const end = html.search(/<\/body\s*>/i);
    return html.slice(start, end > start ? end : undefined);
  }
  const headEnd = html.search(/<\/head\s*>/i);
  return headEnd >= 0 ? html.slice(headEnd) : html;
}

function withoutNoscript(html: string): string {
  return html.replace(/<noscript\b[^>]*>[\s\S]*?<\/noscript>/gi, ' ');
}

/** Text a reader would see: scripts, styles, templates, comments and tags removed, entities left as they are. */
function visibleText(html: string): string {
  return collapse(
    html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style|template|svg|head)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&nbsp;|&#160;/gi, ' '),
  );
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
