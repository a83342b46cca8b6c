import { z } from 'zod';

/**
 * The normalised registration record of a domain: what a free-text WHOIS response, an RDAP
 * response and an external provider's answer all become, so history, reverse WHOIS and the link
 * graph never care where a record came from.
 *
 * Identity fields (name, organization, email, phone) hold only values that identify someone:
 * a redaction ("REDACTED FOR PRIVACY", "Data Protected") or a privacy/proxy service's own contact
 * ("Domains By Proxy, LLC", "...@whoisguard.com") is never put there. The field is left null and
 * named in `redacted`, and the service is named in the record's `privacyProxy`: a shared proxy
 * address must never link the thousands of domains that use the same service.
 */
export const RegistrationContactSchema = z.object({
  /** The registry's handle for the contact (nic-hdl, ROID), when given. */
  handle: z.string().nullable().default(null),
  name: z.string().nullable(),
  organization: z.string().nullable(),
  /** Lowercased. */
  email: z.string().nullable(),
  /** E.164 when it can be read as a number ("+1.6502530000" → "+16502530000"), else as written. */
  phone: z.string().nullable(),
  fax: z.string().nullable().default(null),
  /** Street lines joined with ", ". */
  street: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable().default(null),
  postalCode: z.string().nullable().default(null),
  /** ISO 3166-1 alpha-2 when the response gives a code, else the country name as written. */
  country: z.string().nullable(),
  /** Fields whose value in the response was a redaction or a privacy service's placeholder. */
  redacted: z.array(z.string()).default([]),
});
export type RegistrationContact = z.infer<typeof RegistrationContactSchema>;

export const contactRoles = ['registrant', 'admin', 'tech'] as const;
export type ContactRole = (typeof contactRoles)[number];

/** Contact fields that identify a person or organisation: what reverse WHOIS and the graph use. */
export const identityFields = ['email', 'phone', 'name', 'organization'] as const;
export type IdentityField = (typeof identityFields)[number];

export const PrivacyProxySchema = z.object({
  /** 'proxy-service': a privacy/proxy service stands in; 'redacted': the registry withholds the data (GDPR). */
  kind: z.enum(['proxy-service', 'redacted']),
  /** The service's name when the response gives one ("Domains By Proxy, LLC", "WhoisGuard, Inc."). */
  service: z.string().nullable(),
});
export type PrivacyProxy = z.infer<typeof PrivacyProxySchema>;

export const RegistrationRecordSchema = z.object({
  /** Lowercased, punycode; null when the response does not name it. */
  domain: z.string().nullable(),
  /** False for a "no match" answer: the domain is not registered. */
  registered: z.boolean(),
  registrar: z
    .object({
      name: z.string().nullable(),
      /** IANA registrar id, or the registry's own id for the registrar. */
      id: z.string().nullable(),
      url: z.string().nullable(),
      /** The registrar's own WHOIS server (a thin registry's referral). */
      whoisServer: z.string().nullable().default(null),
    })
    .nullable(),
  /** ISO 8601 instants (UTC), or null when the response has none. */
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** EPP status codes as written (camelCase, no URL), or the registry's own words. */
  status: z.array(z.string()),
  /** Lowercased host names, no trailing dot. */
  nameservers: z.array(z.string()),
  registrant: RegistrationContactSchema.nullable(),
  admin: RegistrationContactSchema.nullable(),
  tech: RegistrationContactSchema.nullable(),
  privacyProxy: PrivacyProxySchema.nullable(),
});
export type RegistrationRecord = z.infer<typeof RegistrationRecordSchema>;

export const registrationSources = ['rdap', 'whois', 'whoisxml'] as const;
export type RegistrationSource = (typeof registrationSources)[number];

/** Responses kept verbatim with a snapshot are cut here (the parse is of the whole response). */
export const maxRawRegistrationChars = 256 * 1024;

/**
 * An answer a WHOIS lookup received before its final one: a thin registry's (or a redacting
 * one's) answer that referred to the registrar's server. Kept so a snapshot holds what each
 * server said, not just the last.
 */
export const WhoisChainAnswerSchema = z.object({
  /** The WHOIS server (host[:port]) that answered. */
  server: z.string(),
  /** The answer as received, decoded, cut at maxRawRegistrationChars. */
  raw: z.string(),
  /** sha256 (hex) of the answer's bytes. */
  rawSha256: z.string(),
  /** When the answer was received (ISO 8601). */
  queriedAt: z.string(),
});
export type WhoisChainAnswer = z.infer<typeof WhoisChainAnswerSchema>;

/**
 * One look at a domain's registration: a snapshot of its history. Every snapshot is kept, so
 * Indicia builds its own WHOIS history and reverse WHOIS can say when a record held a value.
 */
export const WhoisRecordedSchema = z.object({
  /** The registrable domain looked up. */
  domain: z.string().min(1),
  /** When the answer was received (ISO 8601). */
  observedAt: z.string(),
  source: z.enum(registrationSources),
  /** The RDAP base URL or WHOIS server (host[:port]) that answered; the provider's name otherwise. */
  server: z.string(),
  record: RegistrationRecordSchema,
  /** The response as received (WHOIS text, RDAP JSON), decoded, cut at maxRawRegistrationChars. */
  raw: z.string(),
  /** sha256 (hex) of the response bytes: tells a changed record from a repeat. */
  rawSha256: z.string(),
  /**
   * WHOIS only: the answers before the final one (`server`/`raw` above), in the order received,
   * e.g. the thin registry's answer that referred to the registrar. Absent when the first server
   * asked gave the final answer.
   */
  chain: z.array(WhoisChainAnswerSchema).optional(),
});
export type WhoisRecorded = z.infer<typeof WhoisRecordedSchema>;

export const dnsRecordTypes = ['A', 'AAAA', 'MX', 'NS', 'TXT'] as const;
export type DnsRecordType = (typeof dnsRecordTypes)[number];

export const DnsRecordedSchema = z.object({
  domain: z.string().min(1),
  observedAt: z.string(),
  /** The resolver asked (ip[:port]). */
  resolver: z.string(),
  a: z.array(z.string()),
  aaaa: z.array(z.string()),
  mx: z.array(z.object({ exchange: z.string(), priority: z.number().int() })),
  ns: z.array(z.string()),
  /** Each TXT record's strings joined. */
  txt: z.array(z.string()),
  /** Lookups that failed for a reason other than "no such record" (SERVFAIL, timeout...). */
  errors: z.array(z.object({ type: z.enum(dnsRecordTypes), code: z.string() })).default([]),
});
export type DnsRecorded = z.infer<typeof DnsRecordedSchema>;
