import { strict as assert } from 'node:assert';
import { createServer, type Server, type Socket } from 'node:net';
import { describe, it } from 'node:test';
import { closedPort } from '../loopback-fixtures.js';
import { proxyAnswers } from './proxy-probe.js';

/** A loopback listener that treats each connection with `onConnection`. */
async function listener(onConnection: (socket: Socket) => void): Promise<{ port: number; received: Buffer[]; close(): Promise<void> }> {
  const received: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', () => socket.destroy());
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    received,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('proxyAnswers', () => {
  it('an http:// proxy answers when it accepts a connection; nothing is sent to it', async () => {
    const proxy = await listener(() => undefined);
    try {
      assert.equal(await proxyAnswers({ host: '127.0.0.1', port: proxy.port, protocol: 'http' }, 1_000), true);
      assert.deepEqual(proxy.received, []);
    } finally {
      await proxy.close();
    }
  });

  it('a SOCKS5 proxy answers when it replies to the greeting, even refusing both methods; nothing but the greeting is sent', async () => {
    for (const reply of [[0x05, 0x00], [0x05, 0xff]]) {
      const proxy = await listener((socket) => socket.once('data', () => socket.write(Buffer.from(reply))));
      try {
        assert.equal(await proxyAnswers({ host: '127.0.0.1', port: proxy.port, protocol: 'socks5' }, 1_000), true, `reply ${reply.join(',')}`);
        assert.deepEqual(Buffer.concat(proxy.received), Buffer.from([0x05, 0x02, 0x00, 0x02]));
      } finally {
        await proxy.close();
      }
    }
  });

  it('a port forwarded to a SOCKS5 proxy that is down does not answer: it accepts, then closes or says nothing', async () => {
    const closing = await listener((socket) => socket.once('data', () => socket.end()));
    const silent = await listener(() => undefined);
    try {
      assert.equal(await proxyAnswers({ host: '127.0.0.1', port: closing.port, protocol: 'socks5' }, 1_000), false);
      const started = Date.now();
      assert.equal(await proxyAnswers({ host: '127.0.0.1', port: silent.port, protocol: 'socks5' }, 300), false);
      assert.ok(Date.now() - started < 1_000);
    } finally {
      await closing.close();
      await silent.close();
    }
  });

  it('nothing listening: neither kind answers', async () => {
    const port = await closedPort();
    for (const protocol of ['http', 'socks5'] as const) assert.equal(await proxyAnswers({ host: '127.0.0.1', port, protocol }, 1_000), false, protocol);
  });
});
