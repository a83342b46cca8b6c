/**
 * What a few WHOIS servers do differently from the rest, keyed by server host. The parser works
 * without a server; these only settle what the text alone cannot (a date's day/month order) or
 * how one registry words "not found".
 */
export interface ServerQuirks {
  /** "01/02/2012" is January 2nd. */
  readonly monthFirst?: boolean;
  /** The registry's own "no such domain" wording, when the generic phrases miss it. */
  readonly notFound?: RegExp;
  /** The registry's wording for a reserved (not registrable, not available) name. */
  readonly reserved?: RegExp;
  /** Rewrites the text before it is read (a format the generic reader cannot follow). */
  readonly prepare?: (text: string) => string;
}

const quirksByServer: Readonly<Record<string, ServerQuirks>> = {
  // CNNIC answers a reserved name as unavailable for registration, not as registered.
  'whois.cnnic.cn': { notFound: /reserved list|is prohibited/i },
};

export function quirksOf(server: string | undefined): ServerQuirks {
  if (server === undefined) return {};
  return quirksByServer[server.toLowerCase().replace(/:\d+$/, '')] ?? {};
}
