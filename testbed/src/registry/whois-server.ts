import { createServer, type Server, type Socket } from 'node:net';
import type { RegistryClock } from './registry-clock.js';
import type { RegistrationWorld } from './registration-world.js';
import { RollingRateLimit } from './rolling-rate-limit.js';
import { whoisAnswer, type WhoisRole } from './whois-text.js';

export interface WhoisServerOptions {
  role: WhoisRole;
  /** Queries per rolling second; the next ones get "WHOIS LIMIT EXCEEDED". Default: no limit. */
  queriesPerSecond?: number;
}

/** A query line longer than this is not a domain name: the server hangs up, as real ones do. */
const maxQueryBytes = 1024;
const idleMs = 10_000;
export const whoisLimitExceeded = 'WHOIS LIMIT EXCEEDED - SEE https://www.nic.test/whois FOR DETAILS\r\n';

/**
 * An RFC 3912 server: one query line in, one answer out, then the server closes. `close()` on the
 * returned server ends open connections too.
 */
export function createWhoisServer(world: RegistrationWorld, clock: RegistryClock, options: WhoisServerOptions): { server: Server; destroySockets(): void } {
  const limit = new RollingRateLimit(options.queriesPerSecond);
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.setTimeout(idleMs, () => socket.destroy());
    socket.on('error', () => socket.destroy());
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf(0x0a);
      if (end < 0) {
        if (received.length > maxQueryBytes) socket.destroy();
        return;
      }
      socket.off('data', onData);
      const query = received.subarray(0, end).toString('utf8');
      socket.end(limit.admit() ? whoisAnswer(world, query, clock.now(), options.role) : whoisLimitExceeded);
    };
    socket.on('data', onData);
  });
  return {
    server,
    destroySockets() {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
  };
}
