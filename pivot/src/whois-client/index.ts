// WHOIS (port 43, RFC 3912) client: server discovery, referrals, pacing, encodings. Returns raw text.
export { WhoisClient, type WhoisAnswer, type WhoisClientOptions, type WhoisLookup } from './whois-client.js';
export { recordedChainOf } from './recorded-chain.js';
export { WhoisNoServerError, WhoisRateLimitedError, WhoisServerNameError, WhoisUnavailableError } from './whois-errors.js';
export { bundledWhoisServersPath, loadBundledWhoisServerMap, loadWhoisServerMap, whoisServerProfile, type WhoisServerMap, type WhoisServerProfile } from './whois-server-map.js';
export { parseWhoisServer, whoisServerName, type WhoisServerAddress } from './whois-server-address.js';
export { decodeWhoisBytes, type DecodedWhoisText } from './whois-text-decoding.js';
export { rateLimitAnswerOf, type RateLimitAnswer } from './rate-limit-answer.js';
export { answerNamesRegistrant, whoisReferralOf } from './whois-referral.js';
export { queryWhoisSocket, type WhoisAnswerBytes, type WhoisQueryOptions } from './whois-socket.js';
