/**
 * The registrar's WHOIS server that a thin registry's answer names ("Registrar WHOIS Server:",
 * older "Whois Server:", ARIN-style "ReferralServer: whois://host:43"), for the client to follow.
 */
const referralLine = /^\s*(?:registrar whois server|whois server|referralserver)\s*:\s*(\S+)/im;

export function hostOfReferral(value: string): string | null {
  const host = value
    .trim()
    .replace(/^(?:r?whois|https?):\/\//i, '')
    .replace(/[/:].*$/, '')
    .replace(/\.$/, '')
    .toLowerCase();
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(host) ? host : null;
}

/** The registrar WHOIS server a response refers to, or null when it names none. */
export function referralServerOf(text: string): string | null {
  const match = referralLine.exec(text);
  return match === null ? null : hostOfReferral(match[1]!);
}
