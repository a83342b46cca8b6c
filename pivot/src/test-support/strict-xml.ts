/**
 * A strict, small XML 1.0 reader for tests: it throws on anything a conforming parser rejects that
 * our serialisers could produce (unclosed or crossed tags, raw '<' or a bad '&' in text or
 * attributes, duplicate attributes, forbidden characters, more than one root), and returns the
 * element tree with entities decoded so tests can check what survived.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const forbiddenCharacter = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const name = /^[A-Za-z_][\w.:-]*/;

export function parseStrictXml(xml: string): XmlElement {
  if (forbiddenCharacter.test(xml)) throw new Error('character not allowed in XML 1.0');
  let position = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${position}`);
  };
  if (xml.startsWith('<?xml')) position = xml.indexOf('?>') + 2;
  while (position < xml.length) {
    const open = xml.indexOf('<', position);
    const text = xml.slice(position, open < 0 ? xml.length : open);
    if (stack.length === 0) {
      if (text.trim() !== '') fail('text outside the root element');
    } else {
      if (text.includes(']]>')) fail("']]>' in text");
      stack[stack.length - 1]!.text += decode(text, fail);
    }
    if (open < 0) break;
    position = open;
    if (xml.startsWith('<!--', position)) {
      const end = xml.indexOf('-->', position);
      if (end < 0) fail('unclosed comment');
      position = end + 3;
    } else if (xml.startsWith('</', position)) {
      const match = name.exec(xml.slice(position + 2));
      const closing = match?.[0] ?? fail('bad closing tag');
      const top = stack.pop() ?? fail(`closing </${closing}> without an open element`);
      if (top.name !== closing) fail(`</${closing}> closes <${top.name}>`);
      position += 2 + closing.length;
      while (/\s/.test(xml[position] ?? '')) position++;
      if (xml[position] !== '>') fail('bad closing tag');
      position++;
    } else {
      const match = name.exec(xml.slice(position + 1));
      const element: XmlElement = { name: match?.[0] ?? fail('bad tag name'), attributes: {}, children: [], text: '' };
      position += 1 + element.name.length;
      for (;;) {
        const spaces = /^\s*/.exec(xml.slice(position))![0].length;
        position += spaces;
        if (xml.startsWith('/>', position) || xml[position] === '>') break;
        if (spaces === 0) fail('attributes must be separated by white space');
        const attribute = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(xml.slice(position)) ?? fail('bad attribute');
        const [whole, attributeName, , doubleQuoted, singleQuoted] = attribute;
        const raw = doubleQuoted ?? singleQuoted ?? '';
        if (raw.includes('<')) fail(`'<' in attribute ${attributeName}`);
        if (attributeName! in element.attributes) fail(`duplicate attribute ${attributeName}`);
        element.attributes[attributeName!] = decode(raw.replace(/[\t\n\r]/g, ' '), fail);
        position += whole.length;
      }
      if (stack.length === 0) {
        if (root !== null) fail('more than one root element');
        root = element;
      } else {
        stack[stack.length - 1]!.children.push(element);
      }
      if (xml.startsWith('/>', position)) {
        position += 2;
      } else {
        stack.push(element);
        position += 1;
      }
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is never closed`);
  return root ?? fail('no root element');
}

function decode(text: string, fail: (why: string) => never): string {
  return text.replace(/&([^;]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) fail("'&' that starts no entity");
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (body in named) return named[body]!;
    const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body) ?? fail(`unknown entity &${body};`);
    const codePoint = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2]!, 10);
    const character = codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : fail('character reference out of range');
    if (forbiddenCharacter.test(character)) fail('character reference to a forbidden character');
    return character;
  });
}

/** Every element named `name` under `root`, depth first. */
export function elementsNamed(root: XmlElement, elementName: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (element: XmlElement): void => {
    if (element.name === elementName) found.push(element);
    element.children.forEach(walk);
  };
  walk(root);
  return found;
}
