/**
 * Answers that say "you are asking too fast" instead of answering. Registries word them in many
 * ways (the whois-responses corpus has PIR, Nominet, SIDN, CZ.NIC, AFNIC, ZACR, DNS Belgium); the
 * patterns match those lines, not the terms-of-use paragraphs that merely mention throttling
 * ("Queries to the Whois services are throttled", "make excessive queries").
 */
const rateLimitPatterns: readonly RegExp[] = [
  /\blimit exceeded\b/i, // "WHOIS LIMIT EXCEEDED", "Your connection limit exceeded", "daily whois-limit exceeded"
  /\bquery rate limit\b/i,
  /\bquota\b.*\bhas been exceeded\b/i, // Nominet
  /\bonly \d+ requests? per (?:second|minute|hour)\b/i, // SIDN
  /^[%#\s]*too many (?:requests|queries|connections)\b/im, // AFNIC "%% Too many requests..."
  /\bplease go away for \d+ seconds?\b/i, // ZACR
  /\bexcessive querying, grace period\b/i, // DNS Belgium "% Excessive querying, grace period of 2 seconds"
  /\bmaximum (?:number of )?queries per (?:second|minute|hour|day) (?:reached|exceeded)\b/i,
  /^\s*-3: IP address blocked\b/im, // DNS Belgium
  /\brate limit(?:ed)? exceeded\b/i,
];

export interface RateLimitAnswer {
  /** The wait the answer names ("replenished in 50 seconds", "grace period of 2 seconds"), if any. */
  retryAfterMs: number | null;
}

/** Whether a WHOIS answer is a rate-limit refusal; null for an ordinary answer. */
export function rateLimitAnswerOf(text: string): RateLimitAnswer | null {
  if (!rateLimitPatterns.some((pattern) => pattern.test(text))) return null;
  const wait = /\b(?:in|for|of)\s+(\d{1,5})\s+seconds?\b/i.exec(text);
  return { retryAfterMs: wait === null ? null : Number(wait[1]) * 1000 };
}
