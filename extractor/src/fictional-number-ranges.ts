/**
 * Number ranges regulators reserve for drama and documentation. libphonenumber's metadata marks some
 * of them invalid (the UK's 07700 900xxx and 01632 960xxx), yet synthetic ad data (this project's
 * testbed included) is written with exactly these numbers, so they are accepted as if valid.
 * Ranges libphonenumber already accepts (NANP 555-01xx, Australia's 0491 570 xxx, London 020 7946 0xxx)
 * need no entry.
 */
const fictionalRanges: ReadonlyArray<{ prefix: string; length: number; authority: string }> = [
  { prefix: '+447700900', length: 13, authority: 'Ofcom drama range (mobile)' },
  { prefix: '+441632960', length: 13, authority: 'Ofcom drama range (no area)' },
];

export function isFictionalNumber(e164: string): boolean {
  return fictionalRanges.some((range) => e164.length === range.length && e164.startsWith(range.prefix) && /^\+\d+$/.test(e164));
}
