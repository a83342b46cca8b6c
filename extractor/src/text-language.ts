import { distinctiveLetters, stopwords } from './text-language-data.js';

export interface DetectedLanguage {
  /** BCP 47 primary language subtag: "en", "es", "ru", "zh"... */
  language: string;
  /** True when the text leaves little doubt: enough evidence, well ahead of the runner-up. */
  clear: boolean;
}

/** Enough text to tell a language; a huge page is judged by its start. */
const sampleChars = 1500;

/** Each word → the languages whose list holds it. */
const wordLanguages = new Map<string, string[]>();
for (const [language, words] of Object.entries(stopwords)) {
  for (const word of words.split(/\s+/)) {
    if (!word) continue;
    const languages = wordLanguages.get(word);
    if (languages) {
      if (!languages.includes(language)) languages.push(language);
    } else wordLanguages.set(word, [language]);
  }
}
const letterLanguages = new Map(Object.entries(distinctiveLetters).map(([letter, languages]) => [letter, languages.split(' ')]));

/** Scripts that name one language among those read here (Han alone is read as Chinese), by code point range. */
const scriptOnly: ReadonlyArray<{ from: number; to: number; language: string }> = [
  { from: 0x3040, to: 0x30ff, language: 'ja' },
  { from: 0xac00, to: 0xd7af, language: 'ko' },
  { from: 0x4e00, to: 0x9fff, language: 'zh' },
  { from: 0x0370, to: 0x03ff, language: 'el' },
  { from: 0x0590, to: 0x05ff, language: 'he' },
  { from: 0x0e00, to: 0x0e7f, language: 'th' },
];

/**
 * The language of a short text (an ad), by script, then by frequent words and distinctive letters:
 * en, es, fr, de, it, pt, ro, nl, pl, ru, uk, zh (and ja, ko, el, he, th by script). Null when the
 * text gives no evidence. No model files: a few hundred words, one pass over at most 1,500 characters.
 */
export function detectTextLanguage(text: string): DetectedLanguage | null {
  const lower = (text.length > sampleChars ? text.slice(0, sampleChars) : text).toLowerCase();
  const scores = new Map<string, number>();
  const add = (languages: readonly string[], weight: number) => {
    for (const language of languages) scores.set(language, (scores.get(language) ?? 0) + weight / languages.length);
  };
  let latin = 0;
  let cyrillic = 0;
  const scriptCounts = new Array<number>(scriptOnly.length).fill(0);
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 97 && code <= 122) latin++;
      continue;
    }
    if (code <= 0x24f) latin++;
    else if (code >= 0x400 && code <= 0x4ff) cyrillic++;
    else {
      const script = scriptOnly.findIndex((s) => code >= s.from && code <= s.to);
      if (script >= 0) scriptCounts[script]!++;
    }
    const languages = letterLanguages.get(lower[i]!);
    if (languages) add(languages, 0.5);
  }
  for (const [index, { language }] of scriptOnly.entries()) {
    // An ideograph or a kana says as much as a word of Latin letters.
    const count = scriptCounts[index]! * 3;
    if (count > 0 && count >= latin && count >= cyrillic) return { language, clear: count >= 12 };
  }
  for (const word of lower.match(/\p{L}+/gu) ?? []) {
    const languages = wordLanguages.get(word);
    if (languages) add(languages, 1);
  }
  const cyrillicText = cyrillic > latin;
  const ranked = [...scores.entries()].filter(([language]) => isCyrillicLanguage(language) === cyrillicText).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best) return cyrillicText && cyrillic >= 3 ? { language: 'ru', clear: false } : null;
  const runnerUp = second?.[1] ?? 0;
  return { language: best[0], clear: best[1] >= 2 && best[1] >= 1.6 * runnerUp };
}

function isCyrillicLanguage(language: string): boolean {
  return language === 'ru' || language === 'uk';
}
