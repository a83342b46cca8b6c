/**
 * windows-1252 decoding done by hand: Node 20's TextDecoder takes a Latin-1 shortcut for the
 * "windows-1252" label (and "iso-8859-1", which WHATWG maps to it) and leaves 0x80–0x9F as C1
 * control characters instead of € ‚ ƒ „ … “ ” and the rest.
 */
const c1Range: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...Array.from(chunk, (byte) => (byte >= 0x80 && byte <= 0x9f ? c1Range[byte - 0x80]! : byte)));
  }
  return text;
}
