// The free-text WHOIS parser: what the network client and `indicia whois parse` use.
export { parseWhois, type ParseWhoisOptions } from './parse-whois.js';
export { referralServerOf } from './referral-server.js';
export { WhoisParseError, type WhoisParseFailure } from './whois-parse-error.js';
export { readWhoisDate, type DateReadingOptions } from './whois-dates.js';
