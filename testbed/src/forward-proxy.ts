import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { serveSite, writePlain, type ServeDependencies } from './serve-site.js';

const absoluteForm = /^http:\/\/([^/?#:@]+)(?::(\d{1,5}))?([/?#].*)?$/i;
const connectTarget = /^([^:]+):(\d{1,5})$/;

export interface ForwardProxy {
  /** The server clients talk to. */
  server: Server;
  /** Receives the sockets of CONNECT tunnels, as the sites' own server would. */
  tunnelServer: Server;
  tunnels(): number;
}

/**
 * An HTTP forward proxy in front of the virtual hosts: absolute-form requests
 * (`GET http://velvet-nights.test/ads/1`, keep-alive) and `CONNECT host:80` tunnels. A host the
 * testbed does not have gets 502, as a failed DNS lookup would give behind a real proxy.
 */
export function createForwardProxy(deps: ServeDependencies): ForwardProxy {
  const tunnelHosts = new WeakMap<object, string>();
  let tunnelCount = 0;

  const tunnelServer = createServer({ keepAliveTimeout: 30_000 }, (request, response) => {
    const host = tunnelHosts.get(request.socket) ?? '';
    serveSite(deps, request, response, { host, target: request.url ?? '/', via: 'connect' });
  });

  const server = createServer({ keepAliveTimeout: 30_000 }, (request: IncomingMessage, response: ServerResponse) => {
    const target = request.url ?? '';
    if (target.startsWith('/')) {
      recordRefusal(deps, request, 'proxy', 400, target);
      writePlain(response, 400, 'this is a forward proxy: send absolute-form requests (GET http://velvet-nights.test/ HTTP/1.1) or CONNECT host:80\n');
      return;
    }
    const match = absoluteForm.exec(target);
    if (match === null) {
      recordRefusal(deps, request, 'proxy', 400, target);
      writePlain(response, 400, `the testbed proxy forwards plain http:// URLs only, not ${target.slice(0, 100)}\n`);
      return;
    }
    const host = match[1]!.toLowerCase();
    const port = Number(match[2] ?? 80);
    const rest = match[3] ?? '/';
    const path = rest.startsWith('/') ? rest : `/${rest}`;
    if (!deps.hosts.has(host) || port !== 80) {
      deps.log.record({ host, path, method: request.method ?? 'GET', via: 'proxy', status: 502, at: Date.now() });
      writePlain(response, 502, unreachable(host, port));
      return;
    }
    serveSite(deps, request, response, { host, target: path, via: 'proxy' });
  });

  server.on('connect', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', dropBrokenSocket);
    const match = connectTarget.exec(request.url ?? '');
    const host = match?.[1]?.toLowerCase() ?? '';
    const port = Number(match?.[2] ?? 0);
    if (!deps.hosts.has(host) || port !== 80) {
      deps.log.record({ host, path: '', method: 'CONNECT', via: 'connect', status: 502, at: Date.now() });
      const body = unreachable(host, port);
      socket.end(`HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
      return;
    }
    tunnelCount++;
    tunnelHosts.set(socket, host);
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    tunnelServer.emit('connection', socket);
  });

  return { server, tunnelServer, tunnels: () => tunnelCount };
}

function unreachable(host: string, port: number): string {
  return port === 80 || port === 0
    ? `testbed proxy: cannot resolve host "${host}": no such site in the testbed (as a DNS failure would be)\n`
    : `testbed proxy: cannot connect to ${host}:${port}: the testbed serves plain HTTP on port 80 only\n`;
}

function recordRefusal(deps: ServeDependencies, request: IncomingMessage, via: 'proxy', status: number, target: string): void {
  deps.log.record({ host: request.headers.host ?? '', path: target, method: request.method ?? 'GET', via, status, at: Date.now() });
}

/** A client that resets its tunnel is not an error of the testbed's: just let the socket go. */
function dropBrokenSocket(this: Duplex): void {
  this.destroy();
}
