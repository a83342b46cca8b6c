/** Words for the digits 0-9, as ads spell numbers out, per language (lowercase). */
export const numberWordLanguages = ['en', 'es', 'fr', 'de', 'it', 'pt', 'ro', 'nl', 'pl', 'ru', 'uk', 'zh'] as const;
export type NumberWordLanguage = (typeof numberWordLanguages)[number];

export const digitWords: Record<NumberWordLanguage, readonly string[]> = {
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  es: ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'],
  fr: ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'],
  de: ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'],
  it: ['zero', 'uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove'],
  pt: ['zero', 'um', 'dois', 'três', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove'],
  ro: ['zero', 'unu', 'doi', 'trei', 'patru', 'cinci', 'șase', 'șapte', 'opt', 'nouă'],
  nl: ['nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'],
  pl: ['zero', 'jeden', 'dwa', 'trzy', 'cztery', 'pięć', 'sześć', 'siedem', 'osiem', 'dziewięć'],
  ru: ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
  uk: ['нуль', 'один', 'два', 'три', 'чотири', "п'ять", 'шість', 'сім', 'вісім', "дев'ять"],
  // Chinese numerals are written without spaces between digits; 〇 and 零 both mean zero.
  zh: ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
};

/** Chinese zero as some writers prefer it. */
export const chineseZeroAlternative = '零';

/**
 * Languages whose digit words can be run together ("sixtwotwoeight") and still be read back
 * unambiguously by a human: no word of the list is a prefix that makes another reading plausible.
 */
export const runTogetherLanguages: readonly NumberWordLanguage[] = ['en', 'es', 'de', 'it', 'pt', 'nl'];
