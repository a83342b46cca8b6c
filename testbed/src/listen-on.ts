import type { Server } from 'node:net';
import { UsageError } from '@indicia/core';

/** Listens and resolves the port bound (a free one for port 0); a busy port is a usage error naming the option. */
export function listenOn(server: Server, host: string, port: number, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => reject(new UsageError(`testbed ${name} cannot listen on ${host}:${port}: ${error.code ?? error.message}`, { cause: error }));
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

/** The host as it goes in a URL or a host:port pair: an IPv6 address in brackets. */
export function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
