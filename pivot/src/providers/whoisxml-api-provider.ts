import { z, type Logger } from '@indicia/core';
import { ProviderGuard } from './provider-guard.js';
import { ProviderDisabledError, ProviderRequestRejectedError, ProviderUnavailableError } from './provider-errors.js';
import type { CallOptions, HistoryOptions, ProviderDescription, ProviderSnapshot, RegistrationProvider, ReverseQuery, ReverseResult } from './registration-provider.js';
import { postWhoisXml, whoisXmlLabel, whoisXmlProviderName } from './whoisxml-http.js';
import { domainOf, snapshotFromWhoisXmlRecord } from './whoisxml-record-mapping.js';
import type { WhoisXmlApiSettings } from './whoisxml-settings.js';

export interface WhoisXmlApiProviderOptions {
  settings: WhoisXmlApiSettings;
  logger?: Logger;
  /** The clock of the circuit breaker and of receivedAt; tests pass their own. */
  now?: () => number;
}

/** {recordsCount, records[]}: https://whois-history.whoisxmlapi.com/api/documentation/output-format */
const historyAnswer = z.object({ recordsCount: z.number().optional(), records: z.array(z.unknown()).default([]) });

/**
 * {domainsCount, domainsList, nextPageSearchAfter}; domainsList holds names, or
 * {domainName, audit} objects when includeAuditDates is set:
 * https://reverse-whois.whoisxmlapi.com/api/documentation/output-format
 */
const reverseAnswer = z.object({
  domainsCount: z.number(),
  domainsList: z.array(z.union([z.string(), z.object({ domainName: z.string() })])).default([]),
  nextPageSearchAfter: z.union([z.number(), z.string()]).nullable().optional(),
});

/**
 * WhoisXML API: WHOIS History (every record they kept of a domain) and Reverse WHOIS v2
 * (domains whose current or past records contain a term). Each HTTP request has a timeout and
 * runs through a ProviderGuard: a concurrency cap, a circuit breaker, and "disabled for the
 * run" once the API refuses the key.
 */
export class WhoisXmlApiProvider implements RegistrationProvider {
  readonly name = whoisXmlProviderName;
  private readonly guard: ProviderGuard;
  private readonly settings: WhoisXmlApiSettings;
  private readonly now: () => number;

  constructor(options: WhoisXmlApiProviderOptions) {
    this.settings = options.settings;
    this.now = options.now ?? Date.now;
    this.guard = new ProviderGuard({
      label: whoisXmlLabel,
      provider: whoisXmlProviderName,
      maxConcurrent: this.settings.maxConcurrent,
      failureThreshold: this.settings.breakerFailureThreshold,
      coolDownMs: this.settings.breakerCoolDownMs,
      now: this.now,
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }

  describe(): ProviderDescription {
    if (this.settings.apiKey === null) return { enabled: false, reason: `${whoisXmlLabel} disabled: no api key (set INDICIA_WHOISXML_API_KEY, or whoisxmlApiKey in the config file)` };
    const disabled = this.guard.disabledReason;
    return disabled === null ? { enabled: true, reason: null } : { enabled: false, reason: disabled };
  }

  /** The breaker's state, for status pages: 'open' means calls are refused for now. */
  get breakerState() {
    return this.guard.breakerState;
  }

  async history(domain: string, options: HistoryOptions = {}): Promise<ProviderSnapshot[]> {
    const domainName = domainOf(domain);
    if (domainName === null || !domainName.includes('.')) throw new ProviderRequestRejectedError(this.name, `${whoisXmlLabel} WHOIS History: not a domain name`);
    const body: Record<string, unknown> = { domainName, mode: 'purchase', outputFormat: 'JSON' };
    if (options.since) body.sinceDate = dayOf(options.since);
    const answer = await this.post({ api: 'WHOIS History', url: this.settings.historyUrl, body, lookedUp: domainName, ...signalOf(options) });
    const parsed = historyAnswer.safeParse(answer);
    if (!parsed.success) throw new ProviderUnavailableError(this.name, `${whoisXmlLabel} WHOIS History: the answer has no records list`);
    const receivedAt = new Date(this.now()).toISOString();
    const snapshots = parsed.data.records.map((record) => snapshotFromWhoisXmlRecord(record, receivedAt));
    return snapshots.sort((a, b) => a.observedAt.localeCompare(b.observedAt));
  }

  /**
   * Basic search terms match any field of a record, case-insensitively (up to four include
   * terms, all required). One term, the value, is sent: an email lowercased; a phone as the
   * digits of its E.164 form, as WHOIS records write "+1.7025550123" and WhoisXML keeps digits;
   * a name as written. `since` becomes updatedDateFrom (records updated on or after that day).
   * Pages follow nextPageSearchAfter up to maxReversePages.
   */
  async reverse(query: ReverseQuery, options: CallOptions = {}): Promise<ReverseResult> {
    const term = termOf(query);
    if (term.length < 2) throw new ProviderRequestRejectedError(this.name, `${whoisXmlLabel} Reverse WHOIS: the ${query.field} to search for is empty`);
    const base: Record<string, unknown> = { searchType: this.settings.reverseSearchType, mode: 'purchase', punycode: true, basicSearchTerms: { include: [term], exclude: [] } };
    if (query.since) base.updatedDateFrom = dayOf(query.since);
    const domains = new Set<string>();
    let searchAfter: number | string | null = null;
    let expected = 0;
    for (let page = 0; page < this.settings.maxReversePages; page += 1) {
      const body: Record<string, unknown> = searchAfter === null ? base : { ...base, searchAfter };
      const answer = await this.post({ api: 'Reverse WHOIS', url: this.settings.reverseUrl, body, lookedUp: term, ...signalOf(options) });
      const parsed = reverseAnswer.safeParse(answer);
      if (!parsed.success) throw new ProviderUnavailableError(this.name, `${whoisXmlLabel} Reverse WHOIS: the answer has no domains count`);
      expected = Math.max(expected, parsed.data.domainsCount);
      for (const entry of parsed.data.domainsList) {
        const domain = domainOf(typeof entry === 'string' ? entry : entry.domainName);
        if (domain !== null) domains.add(domain);
      }
      searchAfter = parsed.data.nextPageSearchAfter ?? null;
      if (searchAfter === null || parsed.data.domainsList.length === 0) return { domains: [...domains], truncated: expected > domains.size };
    }
    return { domains: [...domains], truncated: true };
  }

  private post(request: { api: string; url: string; body: Record<string, unknown>; lookedUp: string; signal?: AbortSignal }): Promise<unknown> {
    const apiKey = this.settings.apiKey;
    if (apiKey === null) return Promise.reject(new ProviderDisabledError(this.name, this.describe().reason ?? `${whoisXmlLabel} disabled`));
    const signal = request.signal;
    return this.guard.run(() => postWhoisXml({ ...request, apiKey, timeoutMs: this.settings.requestTimeoutMs }), signal ? { signal } : {});
  }
}

function termOf(query: ReverseQuery): string {
  const value = query.value.trim();
  if (query.field === 'email') return value.toLowerCase();
  if (query.field === 'phone') return value.replace(/\D/g, '');
  return value;
}

/** YYYY-MM-DD, the date format of their date parameters. */
function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function signalOf(options: CallOptions): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}
