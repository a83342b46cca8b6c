import { isBareDomainName, isPlausibleWrittenTld } from './bare-domain-policy.js';
import { findObfuscatedEmailSpans } from './deobfuscation/obfuscated-emails.js';
import { refangText, type DefangedText } from './defanged-text.js';
import { registrableDomain } from './registrable-domain.js';
import { isWordCharAt } from './text-boundaries.js';
import { asciiDomain } from './email-normalization.js';
import { findEmailSpans } from './rules/email-text-rule.js';
import { canonicalWebUrl } from './web-url.js';

export type WebAddressForm = 'scheme' | 'www' | 'bare';

/** A web address written in text. */
export interface WebAddress {
  /** Offsets into the text given. */
  start: number;
  end: number;
  /** Lowercased, punycode. */
  host: string;
  /** Registrable domain (Public Suffix List); null for an IP address. */
  domain: string | null;
  /**
   * Canonical URL (see web-url.ts) when the text wrote a web address rather than just a name: a
   * scheme, "www.", or a path. A scheme-less address is taken as http, as an address bar does.
   */
  url: string | null;
  form: WebAddressForm;
  /** Written defanged ("x[.]example", "hxxp://"). */
  obfuscated: boolean;
}

const explicitHint = /http|www\./i;
const explicitStart = /\b(?:(https?):\/\/|www\.)/gi;
const hostAt = /[\p{L}\p{N}][\p{L}\p{N}-]{0,62}(?:\.[\p{L}\p{N}][\p{L}\p{N}-]{0,62})*/uy;
const portAt = /:(\d{1,5})(?!\d)/y;
/** Path, query and fragment: up to white space, quotes, angle brackets or CJK punctuation. */
const restAt = /[/?#][^\s<>"'`{}|\\^\u3000-\u303f\uff01-\uff0f]*/y;
/** A dot followed by a letter: where a bare host name may be. */
const dottedLetter = /\.[a-z]/gi;
/** Characters that make a name before them part of something else (an email, a path, a parameter). */
const partOfSomethingElse = /[@/\\=&?#%_+~$]/;

/**
 * Web addresses in text: "https://x.example/a", "www.x.example", and bare names
 * ("anna-vip.example", "annavip.com/gallery") where bare-domain-policy.ts says they are domains.
 * Defanged forms are read too, and marked obfuscated. Names inside an email address, plain or
 * disguised ("anna (arroba) annavip.com", "luna.love {at} mail.example"), are left out: the email
 * rule's own finders say where addresses are, so both rules read an "at" the same way.
 */
export function findWebAddresses(written: string): WebAddress[] {
  const refanged = refangText(written);
  const text = refanged.text;
  const found: Array<Omit<WebAddress, 'obfuscated'>> = [];
  if (explicitHint.test(text)) found.push(...explicitAddresses(text));
  found.push(...bareAddresses(refanged, found));
  if (found.length === 0) return [];
  const addresses = found
    .sort((a, b) => a.start - b.start)
    .map((address) => {
      const span = refanged.toWrittenSpan(address.start, address.end);
      // Built key by key: spreading two objects per address showed in profiles.
      const written: WebAddress = { start: span.start, end: span.end, host: address.host, domain: address.domain, url: address.url, form: address.form, obfuscated: refanged.rewrote(address.start, address.end) };
      return written;
    });
  // Only texts that name a site pay for the email scans.
  const emails = [...findEmailSpans(written), ...findObfuscatedEmailSpans(written)].sort((a, b) => a.start - b.start);
  return emails.length === 0 ? addresses : outsideEmails(addresses, emails);
}

/**
 * The addresses (in reading order, apart) that overlap no email span (ordered by start; the plain
 * and the disguised finder may overlap each other). One sweep: a dump of thousands of each stays linear.
 */
function outsideEmails(addresses: WebAddress[], emails: ReadonlyArray<{ start: number; end: number }>): WebAddress[] {
  let next = 0;
  return addresses.filter((address) => {
    // Emails ending before this address end before every later one too.
    while (next < emails.length && emails[next]!.end <= address.start) next++;
    // The first email left ends after the address starts: it overlaps unless it starts after the
    // address ends, and every email after it starts later still.
    const email = emails[next];
    return email === undefined || email.start >= address.end;
  });
}

function explicitAddresses(text: string): Array<Omit<WebAddress, 'obfuscated'>> {
  const found: Array<Omit<WebAddress, 'obfuscated'>> = [];
  let coveredUntil = 0;
  for (const m of text.matchAll(explicitStart)) {
    if (m.index < coveredUntil || partOfSomethingElse.test(text[m.index - 1] ?? ' ')) continue;
    const scheme = m[1]?.toLowerCase() as 'http' | 'https' | undefined;
    const hostStart = scheme ? m.index + m[0].length : m.index;
    hostAt.lastIndex = hostStart;
    const matched = hostAt.exec(text)?.[0];
    const host = matched === undefined ? undefined : endOfLatinHost(matched);
    if (!host || (!scheme && host.split('.').length < 3)) continue;
    const tail = tailAt(text, hostStart + host.length, { allowQueryFirst: true });
    const canonical = canonicalWebUrl({ scheme: scheme ?? 'http', host, port: tail.port, rest: tail.rest });
    if (!canonical) continue;
    found.push({ start: m.index, end: tail.end, host: canonical.host, domain: registrableDomain(canonical.host), url: canonical.url, form: scheme ? 'scheme' : 'www' });
    coveredUntil = tail.end;
  }
  return found;
}

function bareAddresses(refanged: DefangedText, explicit: ReadonlyArray<{ start: number; end: number }>): Array<Omit<WebAddress, 'obfuscated'>> {
  const text = refanged.text;
  const found: Array<Omit<WebAddress, 'obfuscated'>> = [];
  let next = 0;
  dottedLetter.lastIndex = 0;
  for (let m = dottedLetter.exec(text); m; m = dottedLetter.exec(text)) {
    while (next < explicit.length && explicit[next]!.end <= m.index) next++;
    const covering = explicit[next];
    if (covering && covering.start <= m.index) {
      dottedLetter.lastIndex = covering.end;
      continue;
    }
    // Forward first: the last label decides, and most dotted words fail on it ("gentlemen.I", "you.See").
    let end = m.index + 1;
    while (end < text.length && isAsciiHostCode(text.charCodeAt(end))) end++;
    dottedLetter.lastIndex = end;
    while (end > m.index && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
    if (!isPlausibleWrittenTld(text.slice(text.lastIndexOf('.', end - 1) + 1, end))) continue;
    let start = m.index;
    // Back over letters of any script too: "café-rose.example" is an IDN name.
    while (start > 0 && (isAsciiHostCode(text.charCodeAt(start - 1)) || isWordCharAt(text, start - 1))) start--;
    while (start < end && (text[start] === '.' || text[start] === '-')) start++;
    if (isWordCharAt(text, end) || text[end] === '@' || partOfSomethingElse.test(text[start - 1] ?? ' ')) continue;
    const written = text.slice(start, end);
    const host = mixesScripts(written) ? null : asciiDomain(written);
    if (!host || host.startsWith('www.')) continue;
    const tail = text[end] === '/' || text[end] === ':' ? tailAt(text, end, { allowQueryFirst: false }) : { port: null, rest: '', end };
    const writtenTld = written.slice(written.lastIndexOf('.') + 1);
    if (!isBareDomainName(host, { writtenTld, hasPath: tail.rest !== '', runsOnIntoWord: /^[ \t]+\p{Ll}/u.test(text.slice(tail.end, tail.end + 4)) })) continue;
    const canonical = canonicalWebUrl({ scheme: 'http', host, port: tail.port, rest: tail.rest });
    if (!canonical) continue;
    found.push({ start, end: tail.end, host: canonical.host, domain: registrableDomain(canonical.host), url: tail.rest !== '' ? canonical.url : null, form: 'bare' });
  }
  return found;
}

/** [a-z0-9.-] in either case, by char code: this runs on every character around every dot. */
function isAsciiHostCode(code: number): boolean {
  const lower = code | 32;
  return (lower >= 97 && lower <= 122) || (code >= 48 && code <= 57) || code === 46 || code === 45;
}

const nonLatinLetter = /(?!\p{Script=Latin})\p{L}/u;

/** A label mixing Latin letters with another script ("путьanna") is text glued to a name, or a homograph. */
function mixesScripts(written: string): boolean {
  if (!nonLatinLetter.test(written)) return false;
  return written.split('.').some((label) => /[a-z]/i.test(label) && nonLatinLetter.test(label));
}

/** "https://x.example联系我": text in another script runs on without a space; the host ends where its script does. */
function endOfLatinHost(host: string): string {
  const m = /[a-z0-9](?=(?!\p{Script=Latin})\p{L})/iu.exec(host);
  return m ? host.slice(0, m.index + 1) : host;
}

interface Tail {
  port: string | null;
  /** Path, query and fragment as written, trailing sentence punctuation left out. */
  rest: string;
  end: number;
}

function tailAt(text: string, position: number, options: { allowQueryFirst: boolean }): Tail {
  let end = position;
  let port: string | null = null;
  portAt.lastIndex = end;
  const portMatch = portAt.exec(text);
  if (portMatch) {
    port = portMatch[1]!;
    end += portMatch[0].length;
  }
  if (text[end] !== '/' && !options.allowQueryFirst) return { port, rest: '', end };
  restAt.lastIndex = end;
  let rest = restAt.exec(text)?.[0] ?? '';
  rest = trimTrailingPunctuation(rest);
  return { port, rest, end: end + rest.length };
}

/** "see x.example/a." and "(x.example/a)": the period and the unbalanced parenthesis are the sentence's. */
function trimTrailingPunctuation(rest: string): string {
  let trimmed = rest;
  for (;;) {
    const last = trimmed[trimmed.length - 1];
    if (last !== undefined && '.,;:!?*'.includes(last)) trimmed = trimmed.slice(0, -1);
    else if (last === ')' && count(trimmed, '(') < count(trimmed, ')')) trimmed = trimmed.slice(0, -1);
    else return trimmed;
  }
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
  return n;
}
