import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestLog, RequestVia } from './request-log.js';
import { DeferredBody, StreamedBody, type SiteResponse } from './site-response.js';
import type { VirtualHosts } from './virtual-hosts.js';

export interface ServeDependencies {
  hosts: VirtualHosts;
  log: RequestLog;
}

/** Answers one request for a known site and records it. */
export function serveSite(deps: ServeDependencies, request: IncomingMessage, response: ServerResponse, site: { host: string; target: string; via: RequestVia }): void {
  const method = request.method ?? 'GET';
  const answer = deps.hosts.respond(site.host, method, site.target);
  deps.log.record({ host: site.host, path: site.target, method, via: site.via, status: answer.status, at: Date.now() });
  writeResponse(response, answer, method);
}

export function writeResponse(response: ServerResponse, answer: SiteResponse, method: string): void {
  const { body } = answer;
  const headers: Record<string, string | number> = { ...answer.headers, server: 'indicia-testbed' };
  if (body instanceof StreamedBody) {
    response.writeHead(answer.status, headers);
    if (method === 'HEAD') response.end();
    else body.writeTo(response);
    return;
  }
  if (body instanceof DeferredBody) {
    body.produce().then(
      (bytes) => writeResponse(response, { ...answer, body: bytes }, method),
      // The client learns why; the run that asked goes on (a crawler records the 500 as a failure).
      (error: unknown) => writePlain(response, 500, `the testbed could not produce this resource: ${error instanceof Error ? error.message : String(error)}\n`),
    );
    return;
  }
  headers['content-length'] = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  response.writeHead(answer.status, headers);
  response.end(body);
}

/** A plain-text answer that is not a site's page (proxy errors, unknown hosts). */
export function writePlain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text), server: 'indicia-testbed' });
  response.end(text);
}
