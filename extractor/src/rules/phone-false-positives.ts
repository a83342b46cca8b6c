/**
 * Digit runs that parse as phone numbers but are something else: dates, times, prices, ages, body
 * measurements, heights, postal codes, ids, view counts, years. Guards see the candidate and the few
 * characters around it and return why it is rejected, or null. A candidate is rejected when it
 * overlaps such a distractor, so "Call 0412 345 678 25 y.o." still yields the number (the phone
 * rule then tries the shorter span without "25") while "0412 345 678 25" is refused.
 */
export interface PhoneCandidateContext {
  candidate: string;
  before: string;
  after: string;
}

type Guard = (context: PhoneCandidateContext) => string | null;

const year = String.raw`(?:19|20)\d{2}`;

/** Shapes the whole candidate may have (numbers only: the distractors below catch the rest). */
const dateShapes = [
  new RegExp(String.raw`^\d{4}[-/.]{1,2}\d{1,2}[-/.]{1,2}\d{1,2}$`),
  new RegExp(String.raw`^\d{1,2}[-/.]{1,2}\d{1,2}[-/.]{1,2}\d{2,4}$`),
  /^\d{1,2}[-/.]\d{4}$/,
  // "12 03 2024", "2024 03 12": spaced dates need a plausible year to tell them from phone groups.
  new RegExp(String.raw`^(?:0?[1-9]|[12]\d|3[01])\s(?:0?[1-9]|1[0-2])\s${year}$`),
  new RegExp(String.raw`^${year}\s(?:0?[1-9]|1[0-2])\s(?:0?[1-9]|[12]\d|3[01])$`),
];
/** The longest date shape ("2024--03--12") is 12 characters: most phone candidates are longer and need no test. */
const longestDate = 12;
const isDate: Guard = ({ candidate }) => {
  const trimmed = candidate.trim();
  return trimmed.length <= longestDate && dateShapes.some((shape) => shape.test(trimmed)) ? 'looks like a date' : null;
};

/**
 * "1.500.000" or "12,500" is an amount. From nine digits on ("687.897.048", a Spanish mobile written
 * the Spanish way) a valid number in thousands groups is far likelier a phone: ads state prices
 * with a currency (the price guard), not as bare nine-digit figures.
 */
const thousandsGrouping = /^\d{1,3}(?:[.,]\d{3})+$/;
const isThousandsGrouping: Guard = ({ candidate }) => {
  const trimmed = candidate.trim();
  return thousandsGrouping.test(trimmed) && trimmed.replace(/\D/g, '').length < 9 ? 'looks like a grouped amount' : null;
};

/** A list of years starts with a year and a separator: checked before splitting anything. */
const yearThenSeparator = /^(?:19|20)\d{2}[\s\-/.]/;
const isYearList: Guard = ({ candidate }) => {
  const trimmed = candidate.trim();
  if (!yearThenSeparator.test(trimmed)) return null;
  const groups = trimmed.split(/[\s\-/.]+/);
  return groups.length >= 2 && groups.every((g) => /^(?:19|20)\d{2}$/.test(g)) ? 'looks like a list of years' : null;
};

/**
 * A run glued to letters ("AB12345678", "12345678px") is a code, not a phone; but scripts written
 * without spaces (Chinese, Japanese, Thai) put numbers right against words: "电话是415-666-7777".
 */
const unspacedScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const letterAtEnd = /\p{L}$/u;
const letterAtStart = /^\p{L}/u;
/** An extension written straight after the number ("2034567890x456", "…0123ext.12") is not a glue. */
const extensionAfter = /^(?:x|ext\.?|extn\.?)\s?\d{1,6}(?!\d)/i;
const isGluedToLetters: Guard = ({ before, after }) => {
  if (letterAtEnd.test(before) && !unspacedScript.test(before.slice(-1))) return 'glued to letters';
  if (letterAtStart.test(after) && !unspacedScript.test(after[0]!) && !extensionAfter.test(after)) return 'glued to letters';
  return null;
};

/**
 * Brackets in a number close what they open, and there is one pair at most ("(702) 555-0123",
 * "[702] 555 0123"): "80.585 [79.964" or "(80).(585) (79).(9)64" are figures in brackets.
 */
const hasStrayBrackets: Guard = ({ candidate }) => {
  let opened = 0;
  let closed = 0;
  for (let i = 0; i < candidate.length; i++) {
    const char = candidate[i];
    if (char === '(' || char === '[') opened++;
    else if (char === ')' || char === ']') {
      closed++;
      if (closed > opened) return 'brackets that do not pair';
    }
  }
  if (opened !== closed) return 'brackets that do not pair';
  return opened > 1 ? 'more than one bracketed group' : null;
};

const currencySymbols = '$€£¥₹₽₴₺₪₩₦';
const currencyWords = String.raw`usd|eur|euros?|gbp|pounds?|dollars?|aud|cad|chf|pln|zł|zl|zlotych|rub|руб\p{L}*|р\.|₽|uah|грн|ron|lei|czk|kč|huf|ft|sek|nok|dkk|kr|try|tl|inr|rs|mxn|brl|reais|r\$`;
const rateUnits = String.raw`hr|hrs|hour|h|night|nuit|noche|nacht|noc|ночь|час|min|mins|month|mo|week|wk|day|visit|session`;
// Not "in", "let", "no": ordinary words right after a phone ("702 555 0123 in Vegas").
const unitWords = String.raw`cm|mm|m|kg|lbs?|ft|inch(?:es)?|y\.?\s?o\.?|yrs?|years?(?:\s?old)?|ans|años|anos|jahre|anni|lat|лет|года?|views?|visits?|hits?|vues|visitas|visualizaciones|aufrufe|wyświetle\p{L}*|просмотр\p{L}*|переглядів`;
const labelWords = String.raw`age|aged|edad|âge|alter|età|idade|wiek|vârsta|возраст|вік|price|preis|precio|prix|prezzo|preço|cena|цена|ціна|height|größe|altura|taille|weight|waga|zip|postcode|post code|plz|cp|cap|kod|индекс`;
/** Labels that take a value only with ":" ("views: 1234567"; "12345 views 702 555 0146" is a count, then a phone). */
const colonLabelWords = String.raw`views?|vues|visitas|aufrufe|просмотры|hits`;
/** Labels that name an id by themselves ("ID 48213377", "Ref 2024-00123"). */
const idWords = String.raw`id|ref|reference|invoice|sku|iban|ticket|order|№|n°|nº`;
/** Words that name an id only with a marker ("Ad #123", "Anzeige Nr. 123", "listing: 123"): "this ad 702 555 0123" is a phone. */
const idNouns = String.raw`ad|post|item|listing|case|code|account|acct|anzeige|annonce|anuncio|annuncio|ogłoszenie|объявление`;

/**
 * Number shapes that are not phones, looked for in the window around a candidate; one combined
 * pattern, one pass. Each alternative is bounded, so the scan stays linear on any input.
 */
const shapeReasons = ['date', 'time range', 'time', 'year range', 'body measurements', 'height', 'US ZIP code'] as const;
const numberShapes = new RegExp(
  [
    String.raw`(\b(?:${year}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]${year})\b)`,
    String.raw`(\b(?:[01]?\d|2[0-4])[:.h][0-5]\d\s?(?:-|to|bis|a|à|до)\s?(?:[01]?\d|2[0-4])[:.h][0-5]\d\b)`,
    String.raw`(\b(?:[01]?\d|2[0-4]):[0-5]\d\b)`,
    String.raw`(\b${year}\s?[-/]\s?${year}\b)`,
    // 34-24-36, 34D-24-36, 90-60-90, 100-70-100 (inches or centimetres)
    String.raw`(\b(?:[2-9]\d|1[0-4]\d)[A-Ka-k]{0,3}\s?[-/]\s?(?:[2-9]\d|1[0-2]\d)\s?[-/]\s?(?:[2-9]\d|1[0-4]\d)\b)`,
    String.raw`(\b[4-7]\s?'\s?\d{1,2}(?:"|''|”|″)?)`,
    String.raw`(\b[A-Z]{2}\s\d{5}(?:-\d{4})?\b)`,
  ].join('|'),
  'g',
);

const overlapsNumberShape: Guard = ({ candidate, before, after }) => {
  const window = before + candidate + after;
  const start = before.length;
  const end = start + candidate.length;
  // exec on the shared pattern (reset first), not matchAll: matchAll copies the pattern on every call.
  numberShapes.lastIndex = 0;
  for (let m = numberShapes.exec(window); m !== null && m.index < end; m = numberShapes.exec(window)) {
    if (m.index + m[0].length > start) return `overlaps a ${shapeReasons[m.slice(1).findIndex((group) => group !== undefined)]}`;
  }
  return null;
};

/** The candidate's last digits are a quantity: "25 y.o.", "170 cm", "12345 views", "200 EUR", "200/hr". */
const unitAfter = new RegExp(String.raw`^(?:[.,]\d+)?\s?(?:[${currencySymbols}%]|(?:${currencyWords}|${unitWords})(?![\p{L}\p{N}])|/\s?(?:${rateUnits})(?![\p{L}\p{N}]))`, 'iu');
/** The candidate's first digits are a labelled value or an id: "age 25", "€200", "ID: 48213377", "Ad #123". */
const labelBefore = new RegExp(
  String.raw`(?:[${currencySymbols}]\s?|(?:^|[^\p{L}\p{N}])(?:(?:${labelWords})\s?[:=]?|(?:${colonLabelWords})\s?[:=]|(?:${idWords})\.?\s?(?:#|no\.?|nr\.?|number)?\s?[:#]?|(?:${idNouns})\s?(?:(?:id|#|no\.?|nr\.?|number|№)\s?[:#]?|[:#]))\s?|#\s?)$`,
  'iu',
);
/** Only text with a letter, currency sign, "#" or "/" near the candidate can hold a unit or label. */
const labelOrUnitCharacter = new RegExp(String.raw`[\p{L}${currencySymbols}#/%]`, 'u');

const isLabelledQuantity: Guard = ({ before, after }) => {
  if (labelOrUnitCharacter.test(after) && unitAfter.test(after)) return 'followed by a unit or currency';
  if (labelOrUnitCharacter.test(before) && labelBefore.test(before)) return 'labelled as a quantity or id';
  return null;
};

/**
 * The digits of a messenger link ("wa.me/4915…", "send?phone=…") are an international number
 * without its "+": the handle rule reads them so; read as a national number they would be wrong.
 */
const isMessengerLinkNumber: Guard = ({ before }) => (/(?:wa\.me\/|[?&]phone=|signal\.me\/#p\/)\+?$/i.test(before) ? 'the number of a messenger link' : null);

const guards: readonly Guard[] = [isMessengerLinkNumber, isDate, isThousandsGrouping, isYearList, isGluedToLetters, hasStrayBrackets, overlapsNumberShape, isLabelledQuantity];

export function phoneFalsePositiveReason(context: PhoneCandidateContext): string | null {
  for (const guard of guards) {
    const reason = guard(context);
    if (reason) return reason;
  }
  return null;
}
