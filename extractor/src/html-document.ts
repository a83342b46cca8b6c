import type { AnyNode, Document, Element, ParentNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/**
 * A parsed page. htmlparser2 is forgiving: unclosed, misnested or truncated markup still gives a
 * tree, so parsing never throws on malformed HTML.
 */
export interface HtmlPage {
  document: Document;
  /** <body>, or the document itself when the markup has no body element. */
  root: ParentNode;
  htmlElement: Element | null;
  /** Base for resolving relative links: <base href> resolved against the page URL. */
  baseUrl: string;
}

export function parseHtmlPage(html: string, pageUrl: string): HtmlPage {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  let htmlElement: Element | null = null;
  let body: Element | null = null;
  let base: Element | null = null;
  // One walk for all three; <base> belongs in <head>, so the body's subtree is not searched.
  walkElements(document, (el) => {
    if (el.name === 'html') htmlElement ??= el;
    else if (el.name === 'base' && el.attribs.href !== undefined) base ??= el;
    else if (el.name === 'body') {
      body ??= el;
      return { descend: false };
    }
  });
  const baseHref = (base as Element | null)?.attribs.href;
  return { document, root: body ?? document, htmlElement, baseUrl: (baseHref !== undefined ? resolveUrl(baseHref, pageUrl) : null) ?? pageUrl };
}

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Depth-first, document order; `descend` false skips an element's subtree. */
export function walkElements(root: ParentNode, visit: (el: Element) => { descend: boolean } | void): void {
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    const result = visit(node);
    if (result && !result.descend) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

export function findFirstElement(root: ParentNode, predicate: (el: Element) => boolean): Element | null {
  let found: Element | null = null;
  walkElements(root, (el) => {
    if (found) return { descend: false };
    if (predicate(el)) {
      found = el;
      return { descend: false };
    }
  });
  return found;
}

export function findAllElements(root: ParentNode, predicate: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  walkElements(root, (el) => {
    if (predicate(el)) found.push(el);
  });
  return found;
}

export function elementChildren(parent: ParentNode): Element[] {
  return parent.children.filter(isElement);
}

/** Content of <meta property|name="key">, trimmed; null if absent or empty. */
export function metaContent(document: Document, key: string): string | null {
  const meta = findFirstElement(document, (el) => el.name === 'meta' && (el.attribs.property === key || el.attribs.name === key));
  const content = meta?.attribs.content?.trim();
  return content ? content : null;
}

export function resolveUrl(href: string, base: string): string | null {
  try {
    return new URL(href.trim(), base).href;
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}

export function isAncestorOf(ancestor: ParentNode, node: AnyNode): boolean {
  for (let current = node.parent; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** Whether `el` (or, with includeSelf, `el` itself) is below one of the elements in `set`. */
export function hasAncestorIn(el: Element, set: Set<Element>, options: { includeSelf: boolean }): boolean {
  if (set.size === 0) return false;
  if (options.includeSelf && set.has(el)) return true;
  for (let node = el.parent; node && node.type === 'tag'; node = node.parent) if (set.has(node as Element)) return true;
  return false;
}
