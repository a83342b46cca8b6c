/**
 * Run inside a sealed network namespace (SealedNamespace): listens on 127.0.0.1:PORT there and
 * passes every connection to a Unix socket, which the test process outside connects to the real
 * SOCKS proxy. Unix sockets cross network namespaces; nothing else does, so this relay is the
 * namespace's only way out, and only to the proxy.
 *
 *   node netns-socks-relay.js PORT UNIX_SOCKET_PATH     prints "ready" once listening
 */
import { connect, createServer } from 'node:net';

const [portText, unixPath] = process.argv.slice(2);
const port = Number(portText);
if (!Number.isInteger(port) || unixPath === undefined) {
  process.stderr.write('usage: netns-socks-relay.js PORT UNIX_SOCKET_PATH\n');
  process.exit(2);
}

const server = createServer((inside) => {
  const outside = connect(unixPath);
  inside.pipe(outside).pipe(inside);
  // Either side ending or failing ends the pair, as a proxy connection would.
  inside.on('error', () => outside.destroy());
  outside.on('error', () => inside.destroy());
  inside.on('close', () => outside.destroy());
  outside.on('close', () => inside.destroy());
});
server.listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => {
  server.close();
  process.exit(0);
});
