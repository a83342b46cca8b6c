import { redactionOf } from '../redaction.js';

/**
 * The server a WHOIS answer refers to: a thin registry's "Registrar WHOIS Server:" (or the older
 * "Whois Server:"), ARIN-style "ReferralServer: whois://host:port", and IANA's "refer:" / "whois:".
 * Only values that are host names are taken: registries put words there too ("@ CoCCA",
 * "Palestine PS/Felasteen ccTLD Registry") or leave it empty. A small reader of its own so the
 * client does not depend on the parser; it agrees with the parser's referralServerOf on these labels.
 */
const referralLabels: readonly RegExp[] = [
  /^[ \t]*registrar whois server[ \t]*:[ \t]*(\S*)/gim,
  /^[ \t]*whois server[ \t]*:[ \t]*(\S*)/gim,
  /^[ \t]*referralserver[ \t]*:[ \t]*(\S*)/gim,
  /^[ \t]*refer[ \t]*:[ \t]*(\S*)/gim,
  /^[ \t]*whois[ \t]*:[ \t]*(\S*)/gim,
];

const hostWithPort = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d{1,5})?$/i;

/** "host" or "host:port" (lowercased), or null when the answer refers nowhere. */
export function whoisReferralOf(text: string): string | null {
  for (const label of referralLabels) {
    for (const match of text.matchAll(label)) {
      const value = match[1]!.replace(/^whois:\/\//i, '').replace(/\/$/, '');
      if (/^[a-z]+:\/\//i.test(value)) continue; // rwhois://, http:// : not port 43
      if (hostWithPort.test(value)) return value.toLowerCase();
    }
  }
  return null;
}

const registrantLine = /^[ \t]*registrant(?:[ \t]+(?:name|organi[sz]ation|e-?mail|contact email))?[ \t]*:[ \t]*(.*)$/gim;

/**
 * Whether an answer names its registrant (a thick registry's, or a registrar's): a registrant
 * name, organisation or email whose value is not a redaction. A thick registry's answer still
 * carries "Registrar WHOIS Server:" (ICANN requires it); it is followed only when the answer
 * does not name the registrant, as a thin registry's or a redacting one's ("Please query the
 * RDDS service of the Registrar of Record") does not.
 */
export function answerNamesRegistrant(text: string): boolean {
  for (const match of text.matchAll(registrantLine)) {
    const value = match[1]!.trim();
    if (value !== '' && redactionOf(value) === null) return true;
  }
  return false;
}
