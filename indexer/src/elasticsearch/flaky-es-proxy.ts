import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does instead of forwarding: answer with an error status, or drop the connection. */
export type ProxyFault = { status: number } | 'drop-connection';

/**
 * For tests, a stand-in for the failures a real Elasticsearch cannot be made to show on demand
 * (429 under load, 503, a node that goes away): an HTTP server on 127.0.0.1 that answers the
 * faults it is given to `_bulk` requests, and forwards everything else to the real node.
 */
export class FlakyEsProxy {
  /** `_bulk` requests seen, faulted or forwarded. */
  bulkRequests = 0;
  private readonly queued: ProxyFault[] = [];
  private lasting: ProxyFault | null = null;

  private constructor(
    private readonly server: Server,
    private readonly target: URL,
  ) {}

  static async start(target: string): Promise<FlakyEsProxy> {
    const server = createServer();
    const proxy = new FlakyEsProxy(server, new URL(target));
    server.on('request', (req: IncomingMessage, res: ServerResponse) => proxy.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next `_bulk` requests get these faults, one each, in order. */
  failNextBulks(...faults: ProxyFault[]): void {
    this.queued.push(...faults);
  }

  /** Every `_bulk` request gets this fault until it is cleared with null. */
  failEveryBulk(fault: ProxyFault | null): void {
    this.lasting = fault;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const isBulk = req.method === 'POST' && (req.url ?? '').startsWith('/_bulk');
    const fault = isBulk ? (this.queued.shift() ?? this.lasting) : null;
    if (isBulk) this.bulkRequests++;
    if (fault === 'drop-connection') {
      req.socket.destroy();
      return;
    }
    if (fault) {
      req.resume();
      req.on('end', () => {
        const type = fault.status === 429 ? 'es_rejected_execution_exception' : 'unavailable_shards_exception';
        res.writeHead(fault.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { type, reason: `fault injected by the test proxy (${fault.status})` }, status: fault.status }));
      });
      return;
    }
    const forwarded = request(new URL(req.url ?? '/', this.target), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    // The real node failed: the client sees what it would see then, a dropped connection.
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  }
}
