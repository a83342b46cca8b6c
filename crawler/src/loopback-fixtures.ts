/**
 * Real servers on 127.0.0.1 for the tests: an origin that serves virtual hosts and counts what it
 * served, and a tiny absolute-form forward proxy in front of it. Not part of the package's API.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, type PageCaptured } from '@indicia/core';
import type { CrawlHooks, CrawlProgress } from './crawl-report.js';

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface ServedRequest {
  host: string;
  path: string;
  startedAt: number;
}

export interface OriginServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Every request as it arrived. */
  requests: ServedRequest[];
  /** Requests whose response was sent completely, by `host + path`. */
  completed: Map<string, number>;
  /** Highest number of requests in progress at once, by host. */
  peakConcurrency: Map<string, number>;
  /** Requests for `path` (any host) that arrived. */
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startOrigin(route: RouteHandler): Promise<OriginServer> {
  const requests: ServedRequest[] = [];
  const completed = new Map<string, number>();
  const peakConcurrency = new Map<string, number>();
  const active = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const host = (request.headers.host ?? '').toLowerCase();
    const path = request.url ?? '/';
    requests.push({ host, path, startedAt: Date.now() });
    const now = (active.get(host) ?? 0) + 1;
    active.set(host, now);
    peakConcurrency.set(host, Math.max(peakConcurrency.get(host) ?? 0, now));
    response.once('finish', () => completed.set(host + path, (completed.get(host + path) ?? 0) + 1));
    response.once('close', () => active.set(host, (active.get(host) ?? 1) - 1));
    route(request, response);
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    completed,
    peakConcurrency,
    hits: (path) => requests.filter((r) => r.path === path).length,
    close: () => closeServer(server),
  };
}

export interface ForwardProxy {
  url: string;
  /** Request targets as received (absolute-form URLs). */
  targets: string[];
  close(): Promise<void>;
}

export interface ForwardProxyOptions {
  /** Answer 407 unless this Proxy-Authorization header is sent. */
  requireAuthorization?: string;
  /** CONNECT tunnels (any authority) go to this loopback port. */
  tunnelPort?: number;
}

/** Sends every absolute-form request to the origin, keeping the Host header (virtual hosts). */
export async function startForwardProxy(originPort: number, options: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  const targets: string[] = [];
  const upstreamAgent = new http.Agent({ keepAlive: true });
  const server = http.createServer((request, response) => {
    const target = request.url ?? '';
    targets.push(target);
    if (!/^https?:\/\//.test(target)) {
      response.writeHead(400).end('absolute-form request expected');
      return;
    }
    if (options.requireAuthorization && request.headers['proxy-authorization'] !== options.requireAuthorization) {
      response.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
      return;
    }
    const url = new URL(target);
    const headers = { ...request.headers };
    delete headers['proxy-authorization'];
    const upstream = http.request({ host: '127.0.0.1', port: originPort, method: request.method, path: url.pathname + url.search, headers, agent: upstreamAgent }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.once('error', () => response.destroy());
    response.once('close', () => upstream.destroy());
    request.pipe(upstream);
  });
  const tunnels = new Set<Socket>();
  server.on('connect', (request: IncomingMessage, client: Socket) => {
    targets.push(`CONNECT ${request.url}`);
    tunnels.add(client);
    client.once('close', () => tunnels.delete(client));
    if (!options.tunnelPort) {
      client.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n');
      return;
    }
    const upstream = connect(options.tunnelPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.once('error', () => client.destroy());
    client.once('error', () => upstream.destroy());
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    targets,
    close: async () => {
      upstreamAgent.destroy();
      for (const socket of tunnels) socket.destroy();
      await closeServer(server);
    },
  };
}

/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  const port = await listen(server);
  await closeServer(server);
  return port;
}

export async function temporaryDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'indicia-crawler-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export interface RecordingHooks extends CrawlHooks {
  captures: PageCaptured[];
  progress: CrawlProgress[];
}

export function recordingHooks(onCapture?: (capture: PageCaptured) => Promise<void>): RecordingHooks {
  const captures: PageCaptured[] = [];
  const progress: CrawlProgress[] = [];
  return {
    log: silentLogger(),
    captures,
    progress,
    onCapture: async (capture) => {
      if (onCapture) await onCapture(capture);
      captures.push(capture);
    },
    onProgress: (report) => progress.push(report),
  };
}

export function html(body: string): string {
  return `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;
}

export function sendHtml(response: ServerResponse, body: string, status = 200): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(html(body));
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
