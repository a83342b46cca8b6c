/**
 * RFC 1928 §6 reply codes, and the extended ones Tor sends on a SocksPort with ExtendedErrors
 * (tor's socks-extensions.txt / proposal 304): what failed with an onion service.
 */
const replyDescriptions: ReadonlyMap<number, string> = new Map([
  [0x01, 'general SOCKS server failure'],
  [0x02, 'connection not allowed by ruleset'],
  [0x03, 'network unreachable'],
  [0x04, 'host unreachable (for .onion: the onion service could not be reached)'],
  [0x05, 'connection refused'],
  [0x06, 'TTL expired (for Tor: the circuit or onion service timed out)'],
  [0x07, 'command not supported'],
  [0x08, 'address type not supported'],
  [0xf0, 'onion service descriptor not found'],
  [0xf1, 'onion service descriptor is invalid'],
  [0xf2, 'onion service introduction failed'],
  [0xf3, 'onion service rendezvous failed'],
  [0xf4, 'onion service needs client authorization'],
  [0xf5, 'onion service client authorization was refused'],
  [0xf6, 'invalid onion address'],
  [0xf7, 'onion service introduction timed out'],
]);

export function socksReplyDescription(code: number): string {
  return replyDescriptions.get(code) ?? 'unknown SOCKS5 reply';
}
