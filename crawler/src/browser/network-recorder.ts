import { sleep } from './time-limit.js';
import type { BrowserContext, Request } from 'playwright-core';

export interface HeaderEntry {
  name: string;
  value: string;
}

/** One request and its response as the browser saw them, for the WARC request/response records. */
export interface NetworkExchange {
  url: string;
  method: string;
  resourceType: string;
  requestHeaders: HeaderEntry[];
  /** POST bodies (forms, XHR); null for none. */
  requestBody: Buffer | null;
  status: number;
  statusText: string;
  responseHeaders: HeaderEntry[];
  /** Decoded body (the browser removed any content-encoding), at most the cap. */
  body: Buffer;
  bodyTruncated: boolean;
  /** Why there is no body although the response may have had one: a redirect, or the browser had already dropped it. */
  bodyUnavailable: string | null;
  startedAt: Date;
}

export interface NetworkRecorderOptions {
  maxExchanges: number;
  maxBodyBytes: number;
}

/**
 * Follows every request of one browser context: counts those in flight (for network idle) and
 * records each finished exchange with its body, up to the caps.
 */
export class NetworkRecorder {
  readonly exchanges: NetworkExchange[] = [];
  /** Finished exchanges past maxExchanges: counted, not kept. */
  exchangesDropped = 0;
  failedRequests = 0;
  /** Finished exchanges whose recording failed (the page closed while reading them). */
  exchangesUnrecorded = 0;
  unrecordedReason: string | null = null;
  /** Requests started since the recorder was attached; tells a scroll that triggered loading. */
  requestsStarted = 0;
  private inFlight = new Set<Request>();
  private lastActivity = Date.now();
  private readonly startTimes = new WeakMap<Request, Date>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    context: BrowserContext,
    private readonly options: NetworkRecorderOptions,
  ) {
    context.on('request', (request) => {
      this.requestsStarted += 1;
      this.startTimes.set(request, new Date());
      this.inFlight.add(request);
      this.lastActivity = Date.now();
    });
    context.on('requestfinished', (request) => {
      this.settle(request);
      this.track(this.record(request));
    });
    context.on('requestfailed', (request) => {
      this.failedRequests += 1;
      this.settle(request);
    });
  }

  /** Resolves true once no request has been in flight for `idleMs`, false when `timeoutMs` passes first. */
  async waitForIdle(idleMs: number, timeoutMs: number): Promise<boolean> {
    const giveUpAt = Date.now() + timeoutMs;
    for (;;) {
      const quietFor = Date.now() - this.lastActivity;
      if (this.inFlight.size === 0 && quietFor >= idleMs) return true;
      const now = Date.now();
      if (now >= giveUpAt) return false;
      const wait = this.inFlight.size === 0 ? idleMs - quietFor : 50;
      await sleep(Math.max(10, Math.min(wait, giveUpAt - now)));
    }
  }

  /** Waits for bodies still being read, up to `timeoutMs`; those not read by then are left out. */
  async finish(timeoutMs: number): Promise<void> {
    if (this.pending.size === 0) return;
    const timer = sleep(timeoutMs);
    await Promise.race([Promise.all([...this.pending]), timer]);
  }

  private settle(request: Request): void {
    this.inFlight.delete(request);
    this.lastActivity = Date.now();
  }

  /** Recording fails when the context closes under it; the exchange is then counted with the reason. */
  private track(work: Promise<void>): void {
    const done = work.then(
      () => undefined,
      (error: unknown) => {
        this.exchangesUnrecorded += 1;
        this.unrecordedReason = (String(error instanceof Error ? error.message : error).split('\n', 1)[0] ?? '').slice(0, 200);
      },
    );
    this.pending.add(done);
    void done.then(() => this.pending.delete(done));
  }

  private async record(request: Request): Promise<void> {
    if (this.exchanges.length >= this.options.maxExchanges) {
      this.exchangesDropped += 1;
      return;
    }
    const response = await request.response();
    if (!response) return;
    const [requestHeaders, responseHeaders] = await Promise.all([request.headersArray(), response.headersArray()]);
    const declaredLength = Number(responseHeaders.find((header) => header.name.toLowerCase() === 'content-length')?.value ?? NaN);
    let body: Buffer = Buffer.alloc(0);
    let bodyTruncated = false;
    let bodyUnavailable: string | null = null;
    if (response.status() >= 300 && response.status() < 400 && request.redirectedTo() !== null) {
      bodyUnavailable = 'redirect';
    } else if (Number.isFinite(declaredLength) && declaredLength > this.options.maxBodyBytes) {
      // Not read at all: the browser would hand over the whole body, however large.
      bodyTruncated = true;
      bodyUnavailable = `content-length ${declaredLength} over the ${this.options.maxBodyBytes}-byte cap`;
    } else {
      const read = await readBody(() => response.body());
      if (read.body) {
        bodyTruncated = read.body.length > this.options.maxBodyBytes;
        body = bodyTruncated ? read.body.subarray(0, this.options.maxBodyBytes) : read.body;
      } else {
        bodyUnavailable = read.reason;
      }
    }
    if (this.exchanges.length >= this.options.maxExchanges) {
      this.exchangesDropped += 1;
      return;
    }
    this.exchanges.push({
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      requestHeaders,
      requestBody: request.postDataBuffer(),
      status: response.status(),
      statusText: response.statusText(),
      responseHeaders,
      body,
      bodyTruncated,
      bodyUnavailable,
      startedAt: this.startTimes.get(request) ?? new Date(),
    });
  }
}

/** The browser drops bodies of closed pages and of some responses (e.g. served from a preflight); that is recorded, not thrown. */
async function readBody(read: () => Promise<Buffer>): Promise<{ body: Buffer; reason: null } | { body: null; reason: string }> {
  try {
    return { body: await read(), reason: null };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return { body: null, reason: `body not available: ${(error.message.split('\n', 1)[0] ?? '').slice(0, 200)}` };
  }
}
