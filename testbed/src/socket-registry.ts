import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Every open socket of the testbed's servers, keep-alive and tunnelled ones included, so close()
 * ends them at once instead of waiting for idle timeouts.
 */
export class SocketRegistry {
  private readonly sockets = new Set<Socket>();

  watch(server: Server): void {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  destroyAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}
