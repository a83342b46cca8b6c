import { RetryableError, StopRunError } from '@indicia/core';
import { socksReplyDescription } from './socks5-replies.js';

/**
 * The SOCKS5 proxy was reached but could not connect to the target and said why (RFC 1928 reply
 * code; Tor's onion service failures come back as "host unreachable", "TTL expired" or Tor's
 * extended codes). Retried later like any network failure: the next attempt may get a circuit.
 * Nothing is tried without the proxy.
 */
export class SocksConnectFailedError extends RetryableError {
  override readonly name: string = 'SocksConnectFailedError';
  constructor(
    readonly replyCode: number,
    target: string,
  ) {
    super(`SOCKS5 proxy could not connect to ${target}: ${socksReplyDescription(replyCode)} (reply 0x${replyCode.toString(16).padStart(2, '0')})`);
  }
}

/**
 * The SOCKS5 proxy refused our username/password (RFC 1929) or accepts none of the methods we
 * offer: every request would be refused the same way, so the run stops and says which setting to fix.
 */
export class SocksAuthRefusedError extends StopRunError {
  override readonly name: string = 'SocksAuthRefusedError';
}
