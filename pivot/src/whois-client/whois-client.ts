import { DeadLetterError, describeError, RetryableError, sha256Hex } from '@indicia/core';
import { lookupDomainName } from '../lookup-domain-name.js';
import { ServerPacer, sleep } from '../server-pacer.js';
import { rateLimitAnswerOf } from './rate-limit-answer.js';
import { WhoisNoServerError, WhoisRateLimitedError } from './whois-errors.js';
import { answerNamesRegistrant, whoisReferralOf } from './whois-referral.js';
import { parseWhoisServer, whoisServerName, type WhoisServerAddress } from './whois-server-address.js';
import { loadBundledWhoisServerMap, longestSuffixMatch, whoisServerProfile, type WhoisServerMap } from './whois-server-map.js';
import { queryWhoisSocket } from './whois-socket.js';
import { decodeWhoisBytes } from './whois-text-decoding.js';

export interface WhoisClientOptions {
  /** `{ tld or domain suffix: "host[:port]" }` asked before the bundled map; "*" matches every domain. */
  servers?: Readonly<Record<string, string>>;
  /**
   * `{ server: "host:port" }`: where to connect for a named server (the testbed runs
   * whois.nic.test on a loopback port). Keyed by "host" or "host:port" as the server is named.
   * Without an entry a server is reached only at its own name.
   */
  connect?: Readonly<Record<string, string>>;
  /** A server map to use instead of the bundled pivot/data/whois-servers.json. */
  serverMap?: WhoisServerMap;
  /** Default 5000 ms. */
  connectTimeoutMs?: number;
  /** From connecting to the server closing; default 15000 ms. */
  timeoutMs?: number;
  /** Longer answers are cut here and flagged `truncated`; default 1 MiB. */
  maxResponseBytes?: number;
  /** Minimum interval between queries to one server (queries to a server never overlap); default 1000 ms. */
  minIntervalMs?: number;
  perServerIntervalMs?: Readonly<Record<string, number>>;
  /** Referrals followed after the first answer (thin registry → registrar); default 2. */
  maxReferrals?: number;
  /** Retries after a "limit exceeded" answer; default 1. */
  rateLimitRetries?: number;
  /** The wait before such a retry when the answer names none (doubled each time); default 5000 ms. */
  rateLimitBackoffMs?: number;
  /** The most a lookup waits on one server's rate limit before giving up; default 30000 ms. */
  maxRateLimitWaitMs?: number;
}

/** One server's answer, as evidence. */
export interface WhoisAnswer {
  /** The server (host[:port]) as named, not where a `connect` override sent the query. */
  server: string;
  raw: string;
  /** sha256 (hex) of the answer's bytes. */
  rawSha256: string;
  /** The encoding the bytes were read in. */
  encoding: string;
  truncated: boolean;
  /** When the answer was received (ISO 8601). */
  queriedAt: string;
}

export interface WhoisLookup extends WhoisAnswer {
  /** The servers asked about the domain, in order (registry first, then its referrals). */
  chain: string[];
  /** Every answer along the chain; the lookup's own fields are the last one's. */
  answers: WhoisAnswer[];
  /** Why a referral could not be followed (the last good answer is returned instead). */
  referralError: string | null;
}

/**
 * RFC 3912 WHOIS lookups. The registry server comes from the `servers` override, else the
 * bundled TLD map, else whois.iana.org's "refer:". The referral of an answer that does not name
 * the registrant (a thin registry's, a redacting one's) to the registrar's server is followed (at
 * most maxReferrals, never to a server already asked) and the registrar's answer returned. Errors: WhoisUnavailableError and WhoisRateLimitedError (retryable),
 * WhoisNoServerError, WhoisServerNameError, InvalidDomainError.
 */
export class WhoisClient {
  private readonly pacer: ServerPacer;
  private readonly ianaReferrals = new Map<string, Promise<string>>();
  private readonly overrides: ReadonlyMap<string, string>;

  constructor(private readonly options: WhoisClientOptions = {}) {
    this.pacer = new ServerPacer({ minIntervalMs: options.minIntervalMs ?? 1000, perServerMs: options.perServerIntervalMs });
    this.overrides = new Map(Object.entries(options.servers ?? {}).map(([suffix, server]) => [suffix.toLowerCase().replace(/^\./, ''), whoisServerName(parseWhoisServer(server))]));
    for (const target of Object.values(options.connect ?? {})) parseWhoisServer(target);
  }

  async lookup(domain: string): Promise<WhoisLookup> {
    const name = lookupDomainName(domain);
    const map = await this.serverMap();
    let server = await this.serverFor(name, map);
    const answers: WhoisAnswer[] = [];
    let referralError: string | null = null;
    for (;;) {
      try {
        answers.push(await this.ask(server, name, map));
      } catch (error) {
        // The registry's own failure is the lookup's; a registrar's leaves the registry's answer standing.
        if (answers.length === 0 || !(error instanceof RetryableError || error instanceof DeadLetterError)) throw error;
        referralError = describeError(error);
        break;
      }
      if (answers.length > (this.options.maxReferrals ?? 2)) break;
      if (answerNamesRegistrant(answers.at(-1)!.raw)) break; // thick: the registrant is here already
      const referral = whoisReferralOf(answers.at(-1)!.raw);
      if (referral === null) break;
      const next = whoisServerName(parseWhoisServer(referral));
      if (answers.some((answer) => answer.server === next)) break; // a registry naming itself, or a loop
      server = next;
    }
    const last = answers.at(-1)!;
    return { ...last, chain: answers.map((answer) => answer.server), answers, referralError };
  }

  /** The registry server a domain's lookup starts at (host[:port]). */
  async serverFor(domain: string, map?: WhoisServerMap): Promise<string> {
    const name = lookupDomainName(domain);
    const servers = map ?? (await this.serverMap());
    const chosen = longestSuffixMatch(this.overrides, name) ?? longestSuffixMatch(servers.tlds, name);
    if (chosen !== null) return chosen;
    const tld = name.split('.').pop()!;
    let referral = this.ianaReferrals.get(tld);
    if (referral === undefined) {
      referral = this.askIana(tld, servers);
      this.ianaReferrals.set(tld, referral);
      // A failed IANA query is not remembered: the next lookup asks again.
      referral.catch(() => this.ianaReferrals.delete(tld));
    }
    return referral;
  }

  private async askIana(tld: string, map: WhoisServerMap): Promise<string> {
    const answer = await this.ask(whoisServerName(parseWhoisServer(map.iana)), tld, map);
    const referral = whoisReferralOf(answer.raw);
    if (referral === null) throw new WhoisNoServerError(`no WHOIS server for .${tld}: ${map.iana} names none`);
    return whoisServerName(parseWhoisServer(referral));
  }

  /** One server's answer to `subject`, asking again (after backing off) while it says "rate limit exceeded". */
  private async ask(server: string, subject: string, map: WhoisServerMap): Promise<WhoisAnswer> {
    const named = parseWhoisServer(server);
    const profile = whoisServerProfile(map, named.host);
    const query = profile.query.replaceAll('{domain}', subject);
    const address = this.addressFor(server, named);
    const retries = this.options.rateLimitRetries ?? 1;
    const maxWait = this.options.maxRateLimitWaitMs ?? 30_000;
    let waited = 0;
    for (let attempt = 0; ; attempt += 1) {
      const { bytes, truncated } = await this.pacer.run(server, () =>
        queryWhoisSocket({
          address,
          server,
          query,
          connectTimeoutMs: this.options.connectTimeoutMs ?? 5000,
          totalTimeoutMs: this.options.timeoutMs ?? 15_000,
          maxBytes: this.options.maxResponseBytes ?? 1024 * 1024,
        }),
      );
      const { text, encoding } = decodeWhoisBytes(bytes, profile.encoding);
      const limited = rateLimitAnswerOf(text);
      if (limited === null) return { server, raw: text, rawSha256: sha256Hex(bytes), encoding, truncated, queriedAt: new Date().toISOString() };
      const wait = limited.retryAfterMs ?? (this.options.rateLimitBackoffMs ?? 5000) * 2 ** attempt;
      if (attempt >= retries || waited + wait > maxWait) {
        throw new WhoisRateLimitedError(`WHOIS server ${server} refused: rate limit exceeded`, { server, retryAfterMs: limited.retryAfterMs });
      }
      waited += wait;
      await sleep(wait);
    }
  }

  private addressFor(server: string, named: WhoisServerAddress): WhoisServerAddress {
    const target = this.options.connect?.[server] ?? this.options.connect?.[named.host];
    return target === undefined ? named : parseWhoisServer(target);
  }

  private serverMap(): Promise<WhoisServerMap> {
    return this.options.serverMap !== undefined ? Promise.resolve(this.options.serverMap) : loadBundledWhoisServerMap();
  }
}
