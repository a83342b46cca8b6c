/**
 * Characters XML 1.0 forbids (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/FFFF) and
 * the C1 controls it discourages. Scraped ad text can hold any of them; one makes the whole file
 * unreadable to Gephi or yEd, so they are dropped.
 */
const unwantedCharacters = /[^\t\n\r\x20-\x7E\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlCharactersOnly(text: string): string {
  return text.replace(unwantedCharacters, '');
}

/** Text content: markup characters escaped, forbidden characters dropped. */
export function xmlText(text: string): string {
  return xmlCharactersOnly(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A double-quoted attribute value. Tab, LF and CR are written as character references because a
 * parser normalises literal ones to spaces, and the value must come back as written.
 */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
