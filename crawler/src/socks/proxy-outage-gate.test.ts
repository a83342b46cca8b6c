import { strict as assert } from 'node:assert';
import { createServer, type Server, type Socket } from 'node:net';
import { describe, it } from 'node:test';
import { createLogger, silentLogger } from '@indicia/core';
import { NetworkError, ProxyUnreachableError } from '../fetch-errors.js';
import { ProxyDownError, ProxyOutageGate } from './proxy-outage-gate.js';

/** A port that can stop and start accepting connections, standing in for the proxy's. */
class SwitchablePort {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private constructor(readonly port: number) {}

  static async open(): Promise<SwitchablePort> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const switchable = new SwitchablePort(port);
    await switchable.up();
    return switchable;
  }

  get accepting(): boolean {
    return this.server !== null;
  }

  async up(): Promise<void> {
    const server = createServer((socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** A log that keeps what it was told, to check what the user reads. */
function recordingLog(): { log: ReturnType<typeof silentLogger>; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
  return { log, lines };
}

function gateFor(port: SwitchablePort, waitLimitMs: number, log = silentLogger()): ProxyOutageGate {
  return new ProxyOutageGate({ proxy: { host: '127.0.0.1', port: port.port, protocol: 'http' }, label: `http://127.0.0.1:${port.port}`, waitLimitMs, log });
}

/** A fetch through the proxy: fails with a proxy error while the port is down, answers when it is up. */
function fetchThrough(port: SwitchablePort, attempts: { count: number }): () => Promise<string> {
  return async () => {
    attempts.count += 1;
    if (!port.accepting) throw new ProxyUnreachableError('proxy unreachable: connect ECONNREFUSED');
    return 'page';
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the proxy outage gate', () => {
  it('passes results and errors through while the proxy is up', async () => {
    const port = await SwitchablePort.open();
    const gate = gateFor(port, 60_000);
    try {
      assert.equal(await gate.through(async () => 'page'), 'page');
      await assert.rejects(gate.through(async () => Promise.reject(new NetworkError('socket hang up'))), NetworkError);
      assert.deepEqual(gate.stats, { outages: 0, downMs: 0 });
    } finally {
      gate.close();
      await port.down();
    }
  });

  it('a proxy error while the proxy still answers is not an outage: thrown as it is, at once', async () => {
    const port = await SwitchablePort.open();
    const gate = gateFor(port, 60_000);
    try {
      const answeredBadly = new ProxyUnreachableError('the proxy at 127.0.0.1 does not speak SOCKS5');
      await assert.rejects(gate.through(async () => Promise.reject(answeredBadly)), (error) => error === answeredBadly);
      assert.equal(gate.stats.outages, 0);
      assert.equal(gate.downForMs, null);
    } finally {
      gate.close();
      await port.down();
    }
  });

  it('while the proxy does not answer every fetch waits; when it answers again they all go on, and it says so', async () => {
    const port = await SwitchablePort.open();
    const { log, lines } = recordingLog();
    const gate = gateFor(port, 60_000, log);
    try {
      await port.down();
      const attempts = { count: 0 };
      const fetches = Array.from({ length: 5 }, () => gate.through(fetchThrough(port, attempts)));
      await sleep(1_500);
      assert.ok(gate.downForMs !== null && gate.downForMs >= 1_000, `down for ${gate.downForMs} ms`);
      assert.equal(attempts.count, 5, 'each fetch tried once, then waited without trying again');
      await port.up();
      assert.deepEqual(await Promise.all(fetches), ['page', 'page', 'page', 'page', 'page']);
      assert.equal(attempts.count, 10, 'each fetch tried once more after the proxy came back');
      assert.equal(gate.downForMs, null);
      assert.equal(gate.stats.outages, 1, 'one outage however many fetches met it');
      assert.ok(gate.stats.downMs >= 1_000, `${gate.stats.downMs} ms`);
      const messages = lines.map((line) => [line.level, line.msg]);
      assert.deepEqual(messages, [
        [40, 'proxy down: every fetch waits for it, none goes another way'],
        [30, 'proxy answering again: fetches resume'],
      ]);
      assert.ok(!JSON.stringify(lines).includes('page'), 'nothing of what was fetched is logged');
    } finally {
      gate.close();
      await port.down();
    }
  });

  it('past the wait limit the waiting fetches fail with ProxyDownError (a StopRunError), and so does every later one', async () => {
    const port = await SwitchablePort.open();
    const gate = gateFor(port, 1_200);
    try {
      await port.down();
      const started = Date.now();
      const attempts = { count: 0 };
      const waiting = [gate.through(fetchThrough(port, attempts)), gate.through(fetchThrough(port, attempts))];
      for (const fetch of waiting) await assert.rejects(fetch, (error: Error) => error instanceof ProxyDownError && /has not answered for 1 s .*pending/.test(error.message));
      const waited = Date.now() - started;
      assert.ok(waited >= 1_200 && waited < 4_000, `gave up after ${waited} ms`);
      await port.up();
      await assert.rejects(gate.through(fetchThrough(port, attempts)), ProxyDownError, 'the run is stopping: nothing more is fetched');
      assert.equal(attempts.count, 2);
    } finally {
      gate.close();
      await port.down();
    }
  });

  it('with no wait allowed, the first outage stops the run at once', async () => {
    const port = await SwitchablePort.open();
    const gate = gateFor(port, 0);
    try {
      await port.down();
      const started = Date.now();
      await assert.rejects(gate.through(fetchThrough(port, { count: 0 })), ProxyDownError);
      assert.ok(Date.now() - started < 2_500);
    } finally {
      gate.close();
    }
  });

  it('closing the gate fails the fetches still waiting, with the reason', async () => {
    const port = await SwitchablePort.open();
    const gate = gateFor(port, 60_000);
    await port.down();
    const waiting = gate.through(fetchThrough(port, { count: 0 }));
    await sleep(200);
    gate.close();
    await assert.rejects(waiting, /the crawl ended while waiting for the proxy/);
  });
});
