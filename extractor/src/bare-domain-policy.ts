import { parse } from 'tldts';
import { reservedTopLevelNames } from './reserved-top-level-names.js';

/*
 * When a name written without "http://" or "www." ("anna-vip.example", "annavip.com") counts as a
 * domain. Text is full of dotted words that are not ("file.txt", "e.g", "No.5", "Mr.Smith",
 * "town.so call me" with its space missing), so only Public Suffix List TLDs count, and TLDs that
 * are also words or file extensions need more evidence.
 */

/** TLDs that are better known as file extensions: "readme.md", "setup.sh" count only with a path. */
const fileExtensionTlds: ReadonlySet<string> = new Set(['zip', 'mov', 'md', 'py', 'sh', 'rs', 'ps', 'pm']);

/**
 * Country codes that are also short words in the languages ads are written in ("in town.so call
 * me", "la chica.de madrid"): a name on them that runs on into a lowercase word is read as two
 * words whose space went missing.
 */
const wordLikeCountryCodes: ReadonlySet<string> = new Set(['so', 'to', 'in', 'it', 'is', 'at', 'be', 'do', 'no', 'us', 'my', 'am', 'as', 'by', 'me', 'de', 'es', 'la', 'et', 'il', 'ma', 'si', 'se']);

/** Generic TLDs common enough in ads that a name on them is a domain wherever it stands. */
const establishedGenericTlds: ReadonlySet<string> = new Set([
  'com', 'net', 'org', 'info', 'biz', 'xyz', 'online', 'site', 'website', 'club', 'top', 'vip', 'xxx', 'porn', 'sex', 'sexy', 'adult',
  'cam', 'dating', 'live', 'mobi', 'pro', 'name', 'shop', 'store', 'space', 'link', 'click', 'app', 'blog', 'icu', 'page',
]);

export interface BareNameContext {
  /** The last label as written: its case tells a name from a sentence. */
  writtenTld: string;
  /** A path follows the name ("anna.example/gallery"). */
  hasPath: boolean;
  /** The name is followed by a space and a lowercase letter, as a sentence would go on. */
  runsOnIntoWord: boolean;
}

/**
 * A quick test on the last label alone, as written: letters (or an "xn--" label), and all in one
 * case unless reserved. "Mr.Cool", "done.So": a capitalised TLD after a dot is a sentence whose
 * space went missing.
 */
export function isPlausibleWrittenTld(writtenTld: string): boolean {
  if (writtenTld.length < 2 || writtenTld.length > 63) return false;
  const tld = writtenTld.toLowerCase();
  if (!/^(?:[a-z]+|xn--[a-z0-9-]+)$/.test(tld)) return false;
  return reservedTopLevelNames.has(tld) || writtenTld === tld || writtenTld === writtenTld.toUpperCase();
}

/** Whether `host` (ASCII, lowercased, punycode) stands for a domain when written bare. */
export function isBareDomainName(host: string, context: BareNameContext): boolean {
  const tld = host.slice(host.lastIndexOf('.') + 1);
  if (!isPlausibleWrittenTld(context.writtenTld)) return false;
  if (reservedTopLevelNames.has(tld)) return true;
  const parsed = parse(host, { allowPrivateDomains: false });
  if (!parsed.isIcann || !parsed.domainWithoutSuffix) return false;
  const name = parsed.domainWithoutSuffix;
  // "100.lt", "2015-2021.TG": prices, counts and years, not domains; one-letter names are rarely anyone's site.
  if (!/[a-z]/.test(name) || (name.length < 2 && !parsed.subdomain)) return false;
  if (fileExtensionTlds.has(tld)) return context.hasPath;
  if (establishedGenericTlds.has(tld)) return true;
  const isCountryCode = tld.length === 2 || tld.startsWith('xn--');
  if (isCountryCode && !wordLikeCountryCodes.has(tld)) return true;
  const clearlyHost = context.hasPath || /[\d-]/.test(name) || parsed.subdomain !== '';
  return clearlyHost || !context.runsOnIntoWord;
}
