import { createServer, type Server } from 'node:http';
import { domainToASCII } from 'node:url';
import { rdapDomain, rdapError } from './rdap-response.js';
import type { RegistryClock } from './registry-clock.js';
import type { RegistrationWorld } from './registration-world.js';
import { RollingRateLimit } from './rolling-rate-limit.js';

export interface RdapServerOptions {
  /** Requests per rolling second; the next ones get 429 with Retry-After. Default: no limit. */
  requestsPerSecond?: number;
  /** Seconds the 429 answer's Retry-After asks for. Default 1. */
  retryAfterSeconds?: number;
}

/**
 * RDAP over HTTP (RFC 7480, 9083): GET /domain/{name} answers as of the registry clock; unknown
 * names get 404 with an RDAP error body. `baseUrlOf()` gives the URL clients put in a bootstrap
 * override (it needs the port, known only once listening).
 */
export function createRdapServer(world: RegistrationWorld, clock: RegistryClock, options: RdapServerOptions, baseUrlOf: () => string): Server {
  const limit = new RollingRateLimit(options.requestsPerSecond);
  const retryAfter = String(options.retryAfterSeconds ?? 1);
  return createServer({ keepAliveTimeout: 5_000 }, (request, response) => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/rdap+json', 'access-control-allow-origin': '*', ...headers });
      response.end(request.method === 'HEAD' ? undefined : JSON.stringify(body));
    };
    const path = new URL(request.url ?? '/', 'http://rdap.invalid').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, rdapError(405, 'Method Not Allowed', 'Only GET and HEAD are served'), { allow: 'GET, HEAD' });
    if (!limit.admit()) return send(429, rdapError(429, 'Too Many Requests', 'Query rate limit exceeded'), { 'retry-after': retryAfter });
    if (path === '/help') return send(200, { rdapConformance: ['rdap_level_0'], notices: [{ title: 'Help', description: ['GET /domain/{name}'] }] });
    const match = /^\/domain\/([^/]+)$/.exec(path);
    if (match === null) return send(400, rdapError(400, 'Bad Request', 'Only domain queries are served here'));
    const name = domainToASCII(percentDecoded(match[1]!).replace(/\.$/, ''));
    if (name === '') return send(400, rdapError(400, 'Bad Request', 'Not a domain name'));
    const domain = rdapDomain(world, name, clock.now(), baseUrlOf());
    if (domain === null) return send(404, rdapError(404, 'Not Found', `The domain ${name} is not registered here`));
    return send(200, domain);
  });
}

/** A malformed escape ("%E0%A4%A") is a bad request, not a server error: it decodes to ''. */
function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch (error) {
    if (error instanceof URIError) return '';
    throw error;
  }
}
