import { connect, type Socket } from 'node:net';

/**
 * Opens a SOCKS5 tunnel (RFC 1928, no authentication) to `host:port` by name (ATYP 3: the proxy
 * resolves it) and resolves with the connected socket. Test plumbing only: the crawler has its own
 * client; this one lets a test's onion-service backend reach the testbed's onion mirror the way a
 * relay would, by name through SOCKS.
 */
export function socksConnect(proxyUrl: string, host: string, port: number, timeoutMs = 10_000): Promise<Socket> {
  const proxy = new URL(proxyUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: proxy.hostname, port: Number(proxy.port) });
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`SOCKS handshake with ${proxy.host} timed out`)));
    socket.once('error', fail);
    let received = Buffer.alloc(0);
    let stage: 'method' | 'connect' = 'method';
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (stage === 'method') {
        if (received.length < 2) return;
        if (received[0] !== 5 || received[1] !== 0) return fail(new Error(`SOCKS proxy refused "no authentication" (${received.subarray(0, 2).toString('hex')})`));
        received = received.subarray(2);
        stage = 'connect';
        const name = Buffer.from(host, 'ascii');
        const portBytes = Buffer.alloc(2);
        portBytes.writeUInt16BE(port);
        socket.write(Buffer.concat([Buffer.from([5, 1, 0, 3, name.length]), name, portBytes]));
      }
      // The reply to CONNECT: VER REP RSV ATYP BND.ADDR BND.PORT, with an IPv4 bound address from
      // every proxy this is used with (10 bytes).
      if (stage === 'connect' && received.length >= 10) {
        socket.off('data', onData);
        socket.off('error', fail);
        socket.setTimeout(0);
        if (received[1] !== 0) return fail(new Error(`SOCKS CONNECT to ${host}:${port} refused with reply ${received[1]}`));
        const rest = received.subarray(10);
        if (rest.length > 0) socket.unshift(rest);
        resolve(socket);
      }
    };
    socket.on('data', onData);
    socket.once('connect', () => socket.write(Buffer.from([5, 1, 0])));
  });
}
