import { isText, type AnyNode, type Element, type ParentNode } from 'domhandler';
import { isHidden } from './boilerplate.js';
import { isElement } from './html-document.js';

const blockElements = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'thead', 'tfoot', 'tr', 'ul', 'option',
]);
const cellElements = new Set(['td', 'th']);

export interface TextRange {
  start: number;
  end: number;
}

/** Follows the rendering walk, e.g. to measure elements while the text is written. */
export interface RenderObserver {
  enter(el: Element): void;
  /** A text node was written: how many characters of it reached the output (whitespace collapsed). */
  text(writtenChars: number): void;
  exit(el: Element): void;
}

export interface RenderOptions {
  /** Elements to leave out with their subtree (besides hidden ones). */
  skip?: (el: Element) => boolean;
  /** Filled with each rendered element's span in the output. */
  ranges?: Map<Element, TextRange>;
  observer?: RenderObserver;
}

/**
 * The text a reader sees: hidden elements dropped, blocks on their own lines, cells apart, runs of
 * whitespace collapsed (except in <pre>), entities already decoded by the parser. The output has no
 * leading or trailing whitespace, and offsets into it are what text provenance refers to.
 * The walk is iterative, so absurdly deep (malformed) nesting cannot overflow the stack.
 */
export function renderVisibleText(root: ParentNode, options: RenderOptions = {}): string {
  const writer = new TextWriter();
  type Step = { node: AnyNode; preformatted: boolean } | { exit: Element; start: number; block: boolean; cell: boolean };
  const stack: Step[] = [];
  const pushChildren = (parent: ParentNode, preformatted: boolean): void => {
    for (let i = parent.children.length - 1; i >= 0; i--) stack.push({ node: parent.children[i]!, preformatted });
  };
  pushChildren(root, false);
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('exit' in step) {
      options.ranges?.set(step.exit, { start: step.start, end: writer.length });
      options.observer?.exit(step.exit);
      if (step.block) writer.lineBreak();
      else if (step.cell) writer.space();
      continue;
    }
    const { node, preformatted } = step;
    if (isText(node)) {
      const written = writer.text(node.data, preformatted);
      options.observer?.text(written);
      continue;
    }
    if (!isElement(node) || isHidden(node) || options.skip?.(node)) continue;
    if (node.name === 'br') {
      writer.lineBreak();
      continue;
    }
    const block = blockElements.has(node.name);
    const cell = cellElements.has(node.name);
    if (block) writer.lineBreak();
    else if (cell) writer.space();
    options.observer?.enter(node);
    stack.push({ exit: node, start: writer.length, block, cell });
    pushChildren(node, preformatted || node.name === 'pre' || node.name === 'textarea');
  }
  return writer.toString();
}

/** Text of an element on one line, for titles and labels. */
export function inlineText(root: ParentNode): string {
  return renderVisibleText(root).replace(/\s*\n\s*/g, ' ');
}

/** Only ASCII whitespace collapses: a no-break space is content. */
function isCollapsibleSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 12;
}
const innerWhitespace = /[\t\n\r\f]| {2}/;

const enum Pending {
  None,
  Space,
  Line,
}

/** Appends text, holding separators back until the next word so none is leading or trailing. */
class TextWriter {
  private readonly parts: string[] = [];
  length = 0;
  private pending = Pending.None;

  /** Returns how many characters of `data` were written (separators not counted). */
  text(data: string, preformatted: boolean): number {
    if (preformatted) {
      let written = 0;
      data.split(/\r?\n/).forEach((line, index) => {
        if (index > 0) this.lineBreak();
        const trimmed = line.replace(/^[ \t]+|[ \t]+$/g, '');
        if (trimmed !== '') written += this.write(trimmed);
      });
      return written;
    }
    let start = 0;
    let end = data.length;
    while (start < end && isCollapsibleSpace(data.charCodeAt(start))) start++;
    if (start === end) {
      if (end > 0) this.space();
      return 0;
    }
    while (isCollapsibleSpace(data.charCodeAt(end - 1))) end--;
    if (start > 0) this.space();
    let words = data.slice(start, end);
    if (innerWhitespace.test(words)) words = words.replace(/[ \t\n\r\f]+/g, ' ');
    this.write(words);
    if (end < data.length) this.space();
    return words.length;
  }

  space(): void {
    if (this.pending === Pending.None) this.pending = Pending.Space;
  }

  lineBreak(): void {
    this.pending = Pending.Line;
  }

  toString(): string {
    return this.parts.join('');
  }

  private write(word: string): number {
    if (this.length > 0 && this.pending !== Pending.None) {
      const separator = this.pending === Pending.Line ? '\n' : ' ';
      this.parts.push(separator);
      this.length += separator.length;
    }
    this.pending = Pending.None;
    this.parts.push(word);
    this.length += word.length;
    return word.length;
  }
}
