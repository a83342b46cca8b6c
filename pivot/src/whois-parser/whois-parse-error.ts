import { DeadLetterError } from '@indicia/core';

/** Why a response could not be read as a WHOIS record. */
export type WhoisParseFailure = 'empty' | 'binary' | 'markup' | 'rate-limited' | 'no-registration-data';

/**
 * The response is not a WHOIS record (HTML, binary, empty, a disclaimer with no domain data, a
 * rate-limit notice): record why and move on. `failure` lets a client retry a rate-limited query
 * later rather than drop it.
 */
export class WhoisParseError extends DeadLetterError {
  override readonly name: string = 'WhoisParseError';
  readonly failure: WhoisParseFailure;
  constructor(message: string, options: { failure: WhoisParseFailure; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.failure = options.failure;
  }
}
