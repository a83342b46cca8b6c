import type { PrivacyProxy } from '@indicia/core';

/**
 * Values that stand in for a contact rather than being one. Registries write GDPR redactions in
 * many ways, and privacy/proxy services put their own name and a forwarding address in the
 * registrant's place. Either kind is kept out of the identity fields: thousands of unrelated
 * domains share "REDACTED FOR PRIVACY" or a WhoisGuard address, and reverse WHOIS or the link
 * graph would merge them all.
 */
const redactionPatterns: readonly RegExp[] = [
  /\bredacted\b/i,
  /\bnot disclosed\b/i,
  /\bnon[- ]?disclosed?\b/i,
  /\bwithheld\b/i,
  /\bdata protected\b/i,
  /\bstatutory masking\b/i,
  /\bgdpr\b/i,
  /\bprivacy\s+(?:protected|protection|restricted)\b/i,
  /\bnot\s+(?:available|shown|published|provided)\b/i,
  /^(?:hidden|private|n\/a|none|-+|\*+|x+)$/i,
  /^please (?:query|contact) the rdds service/i,
  /^contact privacy/i,
];

/** Known privacy/proxy services, by a distinctive part of their name or forwarding domain. */
const proxyServices: ReadonlyArray<readonly [RegExp, string]> = [
  [/domains\s*by\s*proxy|domainsbyproxy/i, 'Domains By Proxy, LLC'],
  [/whois\s*guard/i, 'WhoisGuard, Inc.'],
  [/withheld\s*for\s*privacy/i, 'Withheld for Privacy ehf'],
  [/privacyguardian|privacy\s*guardian/i, 'PrivacyGuardian.org'],
  [/contact\s*privacy\s*inc|contactprivacy/i, 'Contact Privacy Inc.'],
  [/perfect\s*privacy/i, 'Perfect Privacy, LLC'],
  [/whois\s*privacy\s*(?:protection\s*)?service|whoisprivacyprotect/i, 'Whois Privacy Protection Service'],
  [/proxy\.dreamhost\.com|dreamhost\s+privacy/i, 'DreamHost Privacy'],
  [/redacted\s+for\s+privacy\s+purposes|identity\s*protect/i, 'Identity Protection Service'],
  [/privacy\s*protect\.org|privacyprotect\.org/i, 'PrivacyProtect.org'],
  [/super\s*privacy\s*service/i, 'Super Privacy Service LTD'],
  [/data\s*protected,\s*not\s*disclosed/i, 'Data Protected'],
  [/\bprivacy\s+(?:service|proxy)\b|\bproxy\s+service\b|\bprivate\s+registration\b|\bwhois\s+privacy\b/i, 'privacy service'],
];

/**
 * What a contact value is when it is not an identity: a redaction, or a privacy/proxy service's
 * stand-in. Null for an ordinary value.
 */
export function redactionOf(value: string): PrivacyProxy | null {
  const text = value.trim();
  if (text === '') return null;
  for (const [pattern, service] of proxyServices) if (pattern.test(text)) return { kind: 'proxy-service', service };
  for (const pattern of redactionPatterns) if (pattern.test(text)) return { kind: 'redacted', service: null };
  return null;
}
