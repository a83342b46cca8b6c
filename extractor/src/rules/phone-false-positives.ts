/**
 * Digit runs that parse as phone numbers but are something else. Each guard looks at the candidate
 * and the few characters around it; they return the reason a candidate is rejected, or null.
 */
export interface PhoneCandidateContext {
  candidate: string;
  before: string;
  after: string;
}

type Guard = (context: PhoneCandidateContext) => string | null;

const dateShapes = [/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/, /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/, /^\d{1,2}[-/.]\d{4}$/];
const isDate: Guard = ({ candidate }) => (dateShapes.some((shape) => shape.test(candidate.trim())) ? 'looks like a date' : null);

const isPrice: Guard = ({ before, after }) => {
  if (/[$€£¥₹₽]\s?$/.test(before) || /(?:\b(?:usd|eur|gbp|aud|chf|pln|rub|uah)|\$)\s?$/i.test(before)) return 'follows a currency';
  if (/^\s?(?:[$€£¥₹₽]|(?:usd|eur|gbp|aud|chf|pln|rub|uah|dollars?|euros?|pounds?)\b|\/\s?(?:hr|hour|h|night|month|mo|week|wk)\b)/i.test(after)) return 'precedes a currency or rate';
  return null;
};

const isThousandsGrouping: Guard = ({ candidate }) => (/^\d{1,3}(?:[.,]\d{3})+$/.test(candidate.trim()) ? 'looks like a grouped amount' : null);

const isYearList: Guard = ({ candidate }) => {
  const groups = candidate.trim().split(/[\s\-/.]+/);
  return groups.length >= 2 && groups.every((g) => /^(?:19|20)\d{2}$/.test(g)) ? 'looks like a list of years' : null;
};

const idLabel = /(?:\b(?:id|ref|reference|order|invoice|sku|item|listing|ad|post|ticket|case|code|zip|postcode|iban|account|acct)\b\.?\s*(?:#|no\.?|number|nr\.?)?\s*[:#]?\s*|#\s*)$/i;
const isLabelledId: Guard = ({ before }) => (idLabel.test(before) ? 'labelled as an id' : null);

/** A run glued to letters ("AB12345678", "12345678px") is a code, not a phone. */
const isGluedToLetters: Guard = ({ before, after }) => (/\p{L}$/u.test(before) || /^\p{L}/u.test(after) ? 'glued to letters' : null);

const guards: readonly Guard[] = [isDate, isPrice, isThousandsGrouping, isYearList, isLabelledId, isGluedToLetters];

export function phoneFalsePositiveReason(context: PhoneCandidateContext): string | null {
  for (const guard of guards) {
    const reason = guard(context);
    if (reason) return reason;
  }
  return null;
}
