/**
 * The only way the UI makes DOM: elements by createElement, text by text nodes. Nothing here ever
 * parses a string as HTML, so a scraped title holding "<script>" stays those nine characters.
 * Attribute names are fixed by the code; values are data, and the two attributes that could turn
 * data into code (event handlers, javascript: URLs) are refused here as well.
 */

export type Child = Node | string | number | null | undefined | false;
export type Attributes = Record<string, string | number | boolean | null | undefined>;

const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);
/** Relative paths of the console itself, and plain web/blob/data-image URLs. */
const safeUrl = /^(?:\/(?!\/)|\.{0,2}\/|https?:|blob:|data:image\/(?:png|jpeg|gif|webp);|mailto:|#|\?)/i;

function checkAttribute(name: string, value: string): void {
  if (/^on/i.test(name)) throw new TypeError(`event handler attribute ${name} refused: use addEventListener`);
  if (urlAttributes.has(name.toLowerCase()) && !safeUrl.test(value.trim())) throw new TypeError(`unsafe URL refused in ${name}`);
}

function setAttributes(node: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    const text = value === true ? '' : String(value);
    checkAttribute(name, text);
    node.setAttribute(name, text);
  }
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** An HTML element with attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

const svgNamespace = 'http://www.w3.org/2000/svg';

/** An SVG element (the charts and the graph): presentation attributes only, never markup. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(svgNamespace, tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function replaceChildren(node: Node, ...children: Child[]): void {
  clear(node);
  append(node, children);
}

/** A button that runs `action` on click (and Enter/Space, as buttons do). */
export function button(label: string, action: (event: MouseEvent) => void, attributes: Attributes = {}): HTMLButtonElement {
  const node = h('button', { type: 'button', ...attributes }, label);
  node.addEventListener('click', action);
  return node;
}
