import { Agent, request } from 'node:http';

export interface FetchedPage {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** True when the body was cut at maxBytes. */
  truncated: boolean;
}

/**
 * A plain keep-alive client that sends absolute-form requests to an HTTP forward proxy, the way
 * curl -x and most crawlers do for http:// URLs.
 */
export class ProxyClient {
  readonly agent: Agent;
  private readonly proxy: URL;

  constructor(proxyUrl: string, options: { sockets?: number } = {}) {
    this.proxy = new URL(proxyUrl);
    this.agent = new Agent({ keepAlive: true, maxSockets: options.sockets ?? 4 });
  }

  get(url: string, options: { method?: string; maxBytes?: number } = {}): Promise<FetchedPage> {
    const target = new URL(url);
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    return new Promise((resolve, reject) => {
      const outgoing = request(
        { host: this.proxy.hostname, port: this.proxy.port, method: options.method ?? 'GET', path: url, headers: { host: target.host }, agent: this.agent },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          let truncated = false;
          response.on('data', (chunk: Buffer) => {
            chunks.push(chunk);
            size += chunk.length;
            if (size > maxBytes && !truncated) {
              truncated = true;
              response.destroy();
              resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), truncated });
            }
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), truncated }));
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  async text(url: string): Promise<{ status: number; body: string; headers: FetchedPage['headers'] }> {
    const page = await this.get(url);
    return { status: page.status, body: page.body.toString('utf8'), headers: page.headers };
  }

  close(): void {
    this.agent.destroy();
  }
}
