/**
 * Digit words by language, written folded: lowercase, accents and apostrophes removed ("zéro" →
 * "zero", "п'ять" → "пять"), since text is folded the same way before lookup. Only the words for
 * single digits (and English "oh", "double", "triple") are listed: ads spell a number digit by
 * digit. Several words are also ordinary words somewhere ("un", "um", "een", "opt", "sei", "null");
 * they are read as digits only inside a numeric run (see numeric-run-scanner.ts).
 */
export type DigitWordLanguage = 'en' | 'es' | 'fr' | 'de' | 'it' | 'pt' | 'ro' | 'nl' | 'pl' | 'ru' | 'uk';

/** For each language, the words for 0..9 (several per digit where spelling varies). */
export const digitWords: Record<DigitWordLanguage, readonly (readonly string[])[]> = {
  en: [['zero', 'oh', 'nought'], ['one'], ['two'], ['three'], ['four'], ['five'], ['six'], ['seven'], ['eight'], ['nine']],
  es: [['cero'], ['uno', 'una'], ['dos'], ['tres'], ['cuatro'], ['cinco'], ['seis'], ['siete'], ['ocho'], ['nueve']],
  fr: [['zero'], ['un', 'une'], ['deux'], ['trois'], ['quatre'], ['cinq'], ['six'], ['sept'], ['huit'], ['neuf']],
  de: [['null'], ['eins'], ['zwei', 'zwo'], ['drei'], ['vier'], ['funf', 'fuenf'], ['sechs'], ['sieben'], ['acht'], ['neun']],
  it: [['zero'], ['uno'], ['due'], ['tre'], ['quattro'], ['cinque'], ['sei'], ['sette'], ['otto'], ['nove']],
  pt: [['zero'], ['um', 'uma'], ['dois', 'duas'], ['tres'], ['quatro'], ['cinco'], ['seis', 'meia'], ['sete'], ['oito'], ['nove']],
  ro: [['zero'], ['unu', 'una'], ['doi', 'doua'], ['trei'], ['patru'], ['cinci'], ['sase'], ['sapte'], ['opt'], ['noua']],
  nl: [['nul'], ['een'], ['twee'], ['drie'], ['vier'], ['vijf'], ['zes'], ['zeven'], ['acht'], ['negen']],
  pl: [['zero'], ['jeden', 'jedna'], ['dwa', 'dwie'], ['trzy'], ['cztery'], ['piec'], ['szesc'], ['siedem'], ['osiem'], ['dziewiec']],
  ru: [['ноль', 'нуль'], ['один', 'одна'], ['два', 'две'], ['три'], ['четыре'], ['пять'], ['шесть'], ['семь'], ['восемь'], ['девять']],
  uk: [['нуль'], ['один', 'одна'], ['два', 'дві'], ['три'], ['чотири'], ['пять'], ['шість'], ['сім'], ['вісім'], ['девять']],
};

/** Words that repeat the next digit ("double five" = 55, "triple 7" = 777): English ad usage. */
export const repeatWords: Readonly<Record<string, number>> = { double: 2, triple: 3, treble: 3 };

/** Chinese numerals, including the financial forms (simplified and traditional). */
export const chineseNumerals: Readonly<Record<string, string>> = {
  〇: '0', 零: '0',
  一: '1', 壹: '1',
  二: '2', 两: '2', 兩: '2', 贰: '2', 貳: '2',
  三: '3', 叁: '3', 參: '3', 叄: '3',
  四: '4', 肆: '4',
  五: '5', 伍: '5',
  六: '6', 陆: '6', 陸: '6',
  七: '7', 柒: '7',
  八: '8', 捌: '8',
  九: '9', 玖: '9',
};
