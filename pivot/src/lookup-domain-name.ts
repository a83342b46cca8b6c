import { domainToASCII } from 'node:url';
import { DeadLetterError } from '@indicia/core';

/** A name that cannot be looked up (empty, bad IDN, spaces): no server will ever answer it. */
export class InvalidDomainError extends DeadLetterError {
  override readonly name: string = 'InvalidDomainError';
}

/**
 * The form WHOIS and RDAP servers are asked about: lowercased, no trailing dot, IDN as punycode
 * A-labels (registries index A-labels; "bücher.de" is asked as "xn--bcher-kva.de").
 */
export function lookupDomainName(domain: string): string {
  const trimmed = domain.trim().replace(/\.$/, '');
  const ascii = domainToASCII(trimmed.toLowerCase());
  if (ascii === '' || ascii.startsWith('.') || ascii.includes('..') || !/^[a-z0-9.-]+$/.test(ascii)) {
    throw new InvalidDomainError(`not a domain name that can be looked up: ${JSON.stringify(domain.slice(0, 80))}`);
  }
  return ascii;
}
