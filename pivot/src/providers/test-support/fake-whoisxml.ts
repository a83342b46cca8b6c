import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for WhoisXML API's WHOIS History (/api/v1) and Reverse WHOIS v2 (/api/v2)
 * on 127.0.0.1, answering from a data set a test gives it. It checks requests the way the
 * documented APIs do (key in the body, query or X-Authentication-Token header; required
 * domainName; mode preview|purchase; searchType current|historic; 1-4 include terms) and answers
 * in their documented shapes. The exact status codes of their errors are not all documented:
 * those here follow their official clients (401/403 bad key, 400/422 bad request).
 */
export interface FakeWhoisXmlData {
  apiKey: string;
  /** Records by domain, in WhoisXML's WHOIS History shape (domainName, audit, registrantContact...). */
  history: Record<string, Array<Record<string, unknown>>>;
}

export type FakeWhoisXmlBehaviour =
  | { kind: 'normal' }
  /** Answers correctly, after delayMs. */
  | { kind: 'slow'; delayMs: number }
  /** Answers every request with this 5xx status. */
  | { kind: 'failing'; status: number }
  | { kind: 'rate-limited'; retryAfterSeconds: number | null }
  /** Refuses every request as the API refuses a bad key (401/403) or an account out of credits (402/403). */
  | { kind: 'refusing'; status: 401 | 402 | 403; message: string };

export interface FakeWhoisXmlOptions {
  data: FakeWhoisXmlData;
  /** Domains per Reverse WHOIS page (the real API gives up to 10,000). */
  reversePageSize?: number;
  /** A hostile server that repeats the key it was given in its error messages. */
  echoKeyInErrors?: boolean;
}

export interface FakeWhoisXmlRequest {
  api: 'history' | 'reverse' | 'other';
  method: string;
  /** The parameters as received (query or JSON body), key included. */
  params: Record<string, unknown>;
}

export class FakeWhoisXml {
  readonly requests: FakeWhoisXmlRequest[] = [];
  /** The most requests this server has had in progress at once. */
  maxInProgress = 0;
  private inProgress = 0;
  private behaviour: FakeWhoisXmlBehaviour = { kind: 'normal' };
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: Server,
    private readonly options: FakeWhoisXmlOptions,
  ) {}

  static async start(options: FakeWhoisXmlOptions): Promise<FakeWhoisXml> {
    const server = createServer();
    const fake = new FakeWhoisXml(server, options);
    server.on('request', (request, response) => {
      fake.inProgress += 1;
      fake.maxInProgress = Math.max(fake.maxInProgress, fake.inProgress);
      // Done when the answer is written ('finish') or the client went away ('close'), whichever comes first.
      let done = false;
      const finished = () => {
        if (!done) fake.inProgress -= 1;
        done = true;
      };
      response.once('finish', finished);
      response.once('close', finished);
      void fake.handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get historyUrl(): string {
    return `${this.origin}/api/v1`;
  }

  get reverseUrl(): string {
    return `${this.origin}/api/v2`;
  }

  /** Resolves once no request is in progress (an aborted request's connection closes a moment later). */
  async whenIdle(): Promise<void> {
    while (this.inProgress > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  behave(behaviour: FakeWhoisXmlBehaviour): void {
    this.behaviour = behaviour;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.origin);
    const api = url.pathname === '/api/v1' ? 'history' : url.pathname === '/api/v2' ? 'reverse' : 'other';
    const bodyText = await readBody(request);
    const params = paramsOf(request.method ?? 'GET', url, bodyText);
    this.requests.push({ api, method: request.method ?? 'GET', params: params ?? {} });
    const behaviour = this.behaviour;
    if (behaviour.kind === 'failing') return send(response, behaviour.status, { code: behaviour.status, messages: 'Internal server error' });
    if (behaviour.kind === 'refusing') return send(response, behaviour.status, { code: behaviour.status, messages: behaviour.message });
    if (behaviour.kind === 'rate-limited') {
      const headers: Record<string, string> = behaviour.retryAfterSeconds === null ? {} : { 'retry-after': String(behaviour.retryAfterSeconds) };
      return send(response, 429, { code: 429, messages: 'Too many requests' }, headers);
    }
    if (behaviour.kind === 'slow') await this.sleep(behaviour.delayMs);
    if (response.destroyed) return;
    if (api === 'other') return send(response, 404, { code: 404, messages: 'Not found' });
    if (api === 'reverse' && request.method !== 'POST') return send(response, 405, { code: 405, messages: 'Method not allowed' });
    if (params === null) return send(response, 400, { code: 400, messages: 'Request body is not valid JSON' });
    const key = typeof params.apiKey === 'string' ? params.apiKey : request.headers['x-authentication-token'];
    if (typeof key !== 'string' || key === '') return send(response, 401, { code: 401, messages: 'API key is required' });
    if (key !== this.options.data.apiKey) {
      const detail = this.options.echoKeyInErrors ? ` (key ${key})` : '';
      return send(response, 403, { code: 403, messages: `Access restricted. Check credits balance or enter the correct API key.${detail}` });
    }
    const mode = params.mode ?? 'preview';
    if (mode !== 'preview' && mode !== 'purchase') return send(response, 422, { code: 422, messages: 'mode: acceptable values are preview and purchase' });
    return api === 'history' ? this.answerHistory(response, params, mode) : this.answerReverse(response, params, mode);
  }

  private answerHistory(response: ServerResponse, params: Record<string, unknown>, mode: string): void {
    const domainName = params.domainName;
    if (typeof domainName !== 'string' || domainName === '') return send(response, 400, { ErrorMessage: { errorCode: 'WHOIS_01', msg: 'The parameter domainName is missing.' } });
    const since = dateParam(params.sinceDate);
    if (since === 'invalid') return send(response, 422, { code: 422, messages: 'sinceDate: expected YYYY-MM-DD' });
    const records = (this.options.data.history[domainName.toLowerCase()] ?? []).filter((record) => since === null || updatedOf(record) >= since);
    send(response, 200, mode === 'preview' ? { recordsCount: records.length } : { recordsCount: records.length, records });
  }

  private answerReverse(response: ServerResponse, params: Record<string, unknown>, mode: string): void {
    const searchType = params.searchType ?? 'current';
    if (searchType !== 'current' && searchType !== 'historic') return send(response, 422, { code: 422, messages: 'searchType: acceptable values are current and historic' });
    const terms = objectOf(params.basicSearchTerms);
    const include = stringList(terms.include);
    const exclude = terms.exclude === undefined ? [] : stringList(terms.exclude);
    if (include === null || include.length < 1 || include.length > 4) return send(response, 422, { code: 422, messages: 'basicSearchTerms.include: 1 to 4 terms are required' });
    if (exclude === null || exclude.length > 4) return send(response, 422, { code: 422, messages: 'basicSearchTerms.exclude: at most 4 terms' });
    const updatedFrom = dateParam(params.updatedDateFrom);
    if (updatedFrom === 'invalid') return send(response, 422, { code: 422, messages: 'updatedDateFrom: expected YYYY-MM-DD' });
    const offset = params.searchAfter === undefined ? 0 : Number(params.searchAfter);
    if (!Number.isInteger(offset) || offset < 0) return send(response, 422, { code: 422, messages: 'searchAfter: invalid value' });
    const matching = Object.entries(this.options.data.history)
      .filter(([, records]) => {
        const searched = searchType === 'current' ? records.slice(-1) : records;
        return searched.some((record) => (updatedFrom === null || updatedOf(record) >= updatedFrom) && matches(record, include, exclude));
      })
      .map(([domain]) => domain)
      .sort();
    if (mode === 'preview') return send(response, 200, { domainsCount: matching.length });
    const pageSize = this.options.reversePageSize ?? 10_000;
    const next = offset + pageSize < matching.length ? offset + pageSize : null;
    send(response, 200, { nextPageSearchAfter: next, domainsCount: matching.length, domainsList: matching.slice(offset, offset + pageSize) });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** GET parameters from the query; POST parameters from the JSON body; null when the body is not JSON. */
function paramsOf(method: string, url: URL, body: string): Record<string, unknown> | null {
  if (method !== 'POST') return Object.fromEntries(url.searchParams);
  try {
    return objectOf(JSON.parse(body));
  } catch {
    return null; // answered as the API does: 400, not JSON
  }
}

function dateParam(value: unknown): string | null | 'invalid' {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : 'invalid';
}

/** The day a record was last updated, as YYYY-MM-DD (audit dates first, as the API's filters use). */
function updatedOf(record: Record<string, unknown>): string {
  const audit = objectOf(record.audit);
  const value = [audit.updatedDate, record.updatedDateISO8601].find((candidate) => typeof candidate === 'string');
  return typeof value === 'string' ? value.slice(0, 10) : '';
}

/** Basic search: every include term and no exclude term appears in some field, case-insensitively. */
function matches(record: Record<string, unknown>, include: string[], exclude: string[]): boolean {
  const fields = leafStrings(record).map((text) => text.toLowerCase());
  const found = (term: string) => fields.some((field) => field.includes(term.toLowerCase()));
  return include.every(found) && !exclude.some(found);
}

function leafStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(leafStrings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(leafStrings);
  return [];
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string') ? (value as string[]) : null;
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
