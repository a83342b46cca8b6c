/**
 * Top-level names that are not in the Public Suffix List's ICANN section yet are what synthetic
 * and special-purpose addresses end in: reserved for tests and documentation (RFC 2606: test,
 * example, invalid, localhost) and Tor's special-use name (RFC 7686: onion). Both the email and
 * the web-address readers accept a name on one of them without a public-suffix lookup.
 */
export const reservedTopLevelNames: ReadonlySet<string> = new Set(['test', 'example', 'invalid', 'localhost', 'onion']);
