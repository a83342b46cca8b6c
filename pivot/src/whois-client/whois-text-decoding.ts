import { TextDecoder } from 'node:util';
import { decodeWindows1252 } from './windows-1252.js';

/**
 * WHOIS (RFC 3912) says nothing about character sets, and servers answer in what they like:
 * UTF-8 mostly, ISO-2022-JP at JPRS, Latin-1 at older ccTLDs. Bytes are read as UTF-8 when they
 * are valid UTF-8, else in the server's known encoding, else as windows-1252 (which maps every
 * byte, so a reading never fails). ISO-2022-JP is 7-bit and so always "valid UTF-8": its escape
 * sequences pick it before UTF-8 is tried.
 */
export interface DecodedWhoisText {
  text: string;
  /** The WHATWG name of the encoding used ("utf-8", "iso-2022-jp", "windows-1252"...). */
  encoding: string;
}

const escape = 0x1b;
/** After ESC: $@, $B, $(D (JIS X 0208/0212 in), (B, (J (back to ASCII/Roman). */
const iso2022JpDesignations = ['$@', '$B', '$(D', '(B', '(J'];

function hasIso2022JpEscape(bytes: Uint8Array): boolean {
  for (let index = bytes.indexOf(escape); index !== -1; index = bytes.indexOf(escape, index + 1)) {
    const after = String.fromCharCode(...bytes.subarray(index + 1, index + 4));
    if (iso2022JpDesignations.some((designation) => after.startsWith(designation))) return true;
  }
  return false;
}

export function decodeWhoisBytes(bytes: Uint8Array, serverEncoding: string | null = null): DecodedWhoisText {
  if (hasIso2022JpEscape(bytes)) return decodeWith(bytes, 'iso-2022-jp');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    // Not UTF-8: the server's own encoding, else windows-1252 (below).
  }
  if (serverEncoding !== null && serverEncoding.toLowerCase() !== 'utf-8') {
    const decoded = tryDecode(bytes, serverEncoding);
    if (decoded !== null) return decoded;
  }
  return decodeWith(bytes, 'windows-1252');
}

function tryDecode(bytes: Uint8Array, encoding: string): DecodedWhoisText | null {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch (error) {
    // An encoding label Node does not know (a typo in the data file): fall back rather than fail a lookup.
    if (error instanceof RangeError) return null;
    throw error;
  }
  if (decoder.encoding === 'windows-1252') return decodeWith(bytes, 'windows-1252');
  try {
    return { text: decoder.decode(bytes), encoding: decoder.encoding };
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}

function decodeWith(bytes: Uint8Array, encoding: string): DecodedWhoisText {
  if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding };
  const decoder = new TextDecoder(encoding);
  return { text: decoder.decode(bytes), encoding: decoder.encoding };
}
