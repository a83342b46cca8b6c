import { retryAfterMsOf } from './retry-after.js';
import { ProviderDisabledError, ProviderRateLimitedError, ProviderRequestRejectedError, ProviderUnavailableError } from './provider-errors.js';

export const whoisXmlProviderName = 'whoisxml';
export const whoisXmlLabel = 'WhoisXML API';

export interface WhoisXmlPost {
  /** "WHOIS History" or "Reverse WHOIS": named in messages. */
  api: string;
  url: string;
  body: Record<string, unknown>;
  apiKey: string;
  timeoutMs: number;
  /** The domain or term looked up: kept out of error messages, as the key is. */
  lookedUp: string;
  signal?: AbortSignal;
}

/**
 * POSTs a JSON request to a WhoisXML API and returns the parsed JSON answer, or throws a
 * classed provider error. Both APIs take POST with the key in the body (documented for WHOIS
 * History at https://whois-history.whoisxmlapi.com/api/documentation/making-requests and for
 * Reverse WHOIS v2 at https://reverse-whois-api.whoisxmlapi.com/docs); POST keeps the key out
 * of URLs, which end up in proxy logs and error messages. Error answers come as
 * {"code": 403, "messages": "..."} (their clients' models) or {"ErrorMessage": {"errorCode",
 * "msg"}} (https://whois.whoisxmlapi.com/documentation/error-handling); their official
 * clients treat 401/402/403 as authentication errors and 400/422 as bad requests.
 */
export async function postWhoisXml(request: WhoisXmlPost): Promise<unknown> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  const scrub = scrubberFor(request);
  let status: number;
  let text: string;
  let retryAfter: string | null;
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ ...request.body, apiKey: request.apiKey }),
      signal,
    });
    status = response.status;
    retryAfter = response.headers.get('retry-after');
    text = await response.text();
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason;
    if (timeout.aborted) throw new ProviderUnavailableError(whoisXmlProviderName, `${whoisXmlLabel} ${request.api}: no answer within ${request.timeoutMs} ms`);
    throw new ProviderUnavailableError(whoisXmlProviderName, `${whoisXmlLabel} ${request.api}: request failed: ${scrub(networkFailureOf(error))}`);
  }
  const body = parseJson(text);
  const apiMessage = body === undefined ? null : errorMessageOf(body);
  const said = (fallback: string) => scrub(apiMessage ?? fallback).slice(0, 300);
  const where = `${whoisXmlLabel} ${request.api}`;
  if (status === 401 || status === 402 || status === 403) {
    throw new ProviderDisabledError(whoisXmlProviderName, `${whoisXmlLabel} disabled for this run: the API refused the key or the account has no access or credits (HTTP ${status}: ${said('no message')})`);
  }
  if (status === 429) {
    throw new ProviderRateLimitedError(whoisXmlProviderName, `${where}: rate limited (HTTP 429: ${said('no message')})`, retryAfterMsOf(retryAfter));
  }
  if (status === 400 || status === 422) throw new ProviderRequestRejectedError(whoisXmlProviderName, `${where} rejected the request (HTTP ${status}: ${said('no message')})`);
  if (status < 200 || status >= 300) throw new ProviderUnavailableError(whoisXmlProviderName, `${where}: HTTP ${status} (${said('no message')})`);
  if (body === undefined) throw new ProviderUnavailableError(whoisXmlProviderName, `${where}: the answer is not JSON`);
  // Their clients also look for an error object in a 200 answer.
  if (apiMessage !== null) throw new ProviderRequestRejectedError(whoisXmlProviderName, `${where} answered with an error (${said('no message')})`);
  return body;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // the caller reports a non-JSON answer with the HTTP status
  }
}

/** The API's own words from either error shape; null when the body is not an error. */
function errorMessageOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  const nested = record.ErrorMessage;
  if (typeof nested === 'object' && nested !== null) {
    const { errorCode, msg } = nested as Record<string, unknown>;
    const message = typeof msg === 'string' ? msg : 'no message';
    return typeof errorCode === 'string' ? `${errorCode}: ${message}` : message;
  }
  const messages = record.messages;
  if (typeof messages === 'string') return messages;
  if (Array.isArray(messages)) return messages.filter((entry) => typeof entry === 'string').join('; ');
  return null;
}

function networkFailureOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

/** Removes the API key (and anything shaped like a WhoisXML key) and the looked-up value from text. */
function scrubberFor(request: WhoisXmlPost): (text: string) => string {
  return (text) => {
    let scrubbed = request.apiKey === '' ? text : text.split(request.apiKey).join('[api key]');
    scrubbed = scrubbed.replace(/\bat_[A-Za-z0-9]{20,}\b/g, '[api key]');
    if (request.lookedUp.length >= 3) scrubbed = scrubbed.split(request.lookedUp).join('[looked-up value]');
    return scrubbed;
  };
}
