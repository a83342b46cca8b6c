/**
 * Digits in the scripts and symbol sets ads use to slip past filters. Each entry maps the ASCII
 * digit 0-9 to its look-alike; a human reads them as digits at a glance, a plain regex does not.
 */
export type DigitScript =
  | 'fullwidth'
  | 'math-bold'
  | 'math-double-struck'
  | 'math-monospace'
  | 'circled'
  | 'dingbat-negative-circled'
  | 'arabic-indic'
  | 'devanagari'
  | 'bengali'
  | 'thai'
  | 'emoji-keycap'
  | 'emoji-keycap-bare';

function fromCodePoint(first: number): readonly string[] {
  return Array.from({ length: 10 }, (_, digit) => String.fromCodePoint(first + digit));
}

const digitScripts: Record<DigitScript, readonly string[]> = {
  fullwidth: fromCodePoint(0xff10),
  // Mathematical alphanumerics sit outside the BMP: every digit is a surrogate pair in UTF-16.
  'math-bold': fromCodePoint(0x1d7ce),
  'math-double-struck': fromCodePoint(0x1d7d8),
  'math-monospace': fromCodePoint(0x1d7f6),
  circled: ['⓪', ...Array.from({ length: 9 }, (_, i) => String.fromCodePoint(0x2460 + i))],
  'dingbat-negative-circled': ['⓿', ...Array.from({ length: 9 }, (_, i) => String.fromCodePoint(0x2776 + i))],
  'arabic-indic': fromCodePoint(0x0660),
  devanagari: fromCodePoint(0x0966),
  bengali: fromCodePoint(0x09e6),
  thai: fromCodePoint(0x0e50),
  // Keycap: digit + VARIATION SELECTOR-16 + COMBINING ENCLOSING KEYCAP; some keyboards drop the VS16.
  'emoji-keycap': Array.from({ length: 10 }, (_, digit) => `${digit}\uFE0F\u20E3`),
  'emoji-keycap-bare': Array.from({ length: 10 }, (_, digit) => `${digit}\u20E3`),
};

/** Rewrites every ASCII digit of `written` in the script; everything else stays as it is. */
export function inScript(written: string, script: DigitScript): string {
  const digits = digitScripts[script];
  let out = '';
  for (const char of written) {
    const code = char.charCodeAt(0);
    out += code >= 48 && code <= 57 ? digits[code - 48]! : char;
  }
  return out;
}
