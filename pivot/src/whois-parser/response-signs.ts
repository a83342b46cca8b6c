/**
 * What a response says about itself beyond its fields: that the domain is not registered, that
 * the server refused the query for its rate, or that the response is not WHOIS at all.
 */

/** Phrases of a "no such domain" answer, as ~100 registries write them. */
const notFoundPatterns: readonly RegExp[] = [
  /\bno match(?:es)?\b/i,
  /\bnot found\b/i,
  /\bno entries found\b/i,
  /\bno data found\b/i,
  /\bno (?:such|matching) (?:domain|record|object)/i,
  /\bno object found\b/i,
  /\bnothing found\b/i,
  /\bno information (?:available|was found)\b/i,
  /\bdomain (?:name )?(?:is )?(?:available|free)\b/i,
  /\bis available for (?:registration|purchase)\b/i,
  /\b(?:is )?not registered\b/i,
  /\bdoes not exist\b/i,
  /\bobject does not exist\b/i,
  /\bno records? (?:found|matching)\b/i,
  /^\s*(?:domain )?status:\s*(?:available|free|not registered|no object found)\s*$/im,
  /\bavailable\s*$/im,
  /\bno se encontr/i,
  /\bnon[- ]existent\b/i,
  /\bunassignable\b/i,
  /^%+\s*no entries found/im,
  /\bis free\b/i,
  /^\s*free\s*$/im,
  /\bnot been registered\b/i,
  /\bdo not have an entry\b/i,
  /\bno data was found\b/i,
  /\bno domain records were found\b/i,
  /\bno existe\b/i,
  /\bnot known\b/i,
  /\bno entries\b/i,
  /\bis available\.?\s*$/im,
];

/** A name the registry keeps back: neither registered to anyone nor available. */
const reservedPatterns: readonly RegExp[] = [/\breserved\b/i, /\brestricted\b/i, /\bprohibited\b/i, /\bblocked\b/i];

export function saysReserved(text: string): boolean {
  return reservedPatterns.some((pattern) => pattern.test(text));
}

// Worded so that terms-of-use disclaimers ("exceeding query rate or volume limits", "the query
// limit is 500 per day") do not match: only a refusal does.
const rateLimitPatterns: readonly RegExp[] = [
  /\brate limit(?:ed| exceeded)\b/i,
  /\btoo many (?:requests|queries|connections)/i,
  /\blimit (?:has been )?exceeded\b/i,
  /\bexceeded (?:the )?(?:maximum|allowed|query|your)/i,
  /\bthrottled\b/i,
  /\bmaximum (?:daily )?(?:number of )?queries (?:per \w+ )?(?:reached|exceeded)/i,
  // "% Excessive querying, grace period of 2 seconds" (.be), not "for excessive querying of the WHOIS database".
  /\bexcessive querying\b.*\b(?:grace period|try again|wait)\b/i,
  /\bplease go away for \d+/i,
  /\bip address (?:is )?blocked\b/i,
  /\bquota\b.*\bexceeded\b/i,
  /\b(?:only )?\d+ (?:requests?|queries) per (?:second|minute|hour)\b.*\btry again\b/i,
];

export function saysNotFound(text: string): boolean {
  return notFoundPatterns.some((pattern) => pattern.test(text));
}

/** A refusal is a short line of its own; terms of use that mention throttling are long prose. */
export function saysRateLimited(text: string): boolean {
  return text.split(/\r?\n/).some((line) => line.length <= 100 && rateLimitPatterns.some((pattern) => pattern.test(line)));
}

/** Why a response is not WHOIS text at all, or null when it may be. */
export function notWhoisReason(text: string): { readonly failure: 'empty' | 'binary' | 'markup'; readonly message: string } | null {
  if (text.trim() === '') return { failure: 'empty', message: 'the response is empty' };
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (controls > Math.max(4, text.length / 100)) return { failure: 'binary', message: 'the response is binary, not text' };
  if (/^\s*(?:<!doctype html|<html|<\?xml|<head|<body)/i.test(text) || (/<(?:html|body|div|table)[\s>]/i.test(text) && /<\/(?:html|body|div|table)>/i.test(text))) {
    return { failure: 'markup', message: 'the response is HTML or XML, not WHOIS text' };
  }
  return null;
}
