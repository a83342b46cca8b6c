import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collect, cliBin, type CliResult } from './run-cli.js';
import { readCapture, type CaptureReport } from './packet-capture.js';

const relayScript = fileURLToPath(new URL('./netns-socks-relay.js', import.meta.url));

/**
 * A network namespace whose only way out is a SOCKS proxy, with every packet in it captured: the
 * leak tests run a crawl in here and look at the capture from outside the crawl's process.
 *
 * Inside: loopback up, and every IPv4 and IPv6 address routed to loopback as a local address, so
 * a connection or DNS query to anywhere is a packet on `lo` that tcpdump sees (and that gets
 * refused at once instead of hanging). A relay listens on 127.0.0.1:PORT (the proxy's own port
 * number) and forwards, over a Unix socket, to the real proxy outside. Needs root, iproute2 and
 * tcpdump (Debian: apt-get install -y tcpdump).
 */
export class SealedNamespace {
  readonly name = `indicia-leak-${randomBytes(4).toString('hex')}`;
  private readonly dir = mkdtempSync(join(tmpdir(), 'indicia-netns-'));
  private bridge: Server | null = null;
  private relay: ChildProcess | null = null;
  private tcpdump: ChildProcess | null = null;
  private tcpdumpEnded: Promise<void> | null = null;
  private readonly capturePath = join(this.dir, 'capture.pcap');

  /** The proxy as a crawl inside the namespace names it. */
  readonly insideProxyUrl: string;
  readonly insidePort: number;

  constructor(private readonly outsideProxyUrl: string) {
    const outside = new URL(outsideProxyUrl);
    this.insidePort = Number(outside.port);
    this.insideProxyUrl = `${outside.protocol}//127.0.0.1:${this.insidePort}`;
  }

  /** Fails with what is missing when the machine cannot run these tests: they never pass by skipping. */
  static requireTools(): void {
    if (process.getuid?.() !== 0) throw new Error('the leak tests build a network namespace and capture packets: they must run as root');
    for (const [tool, args, fix] of [
      ['ip', ['-V'], 'apt-get install -y iproute2'],
      ['tcpdump', ['--version'], 'apt-get install -y tcpdump'],
    ] as const) {
      const probe = spawnSync(tool, args);
      if (probe.error !== undefined) throw new Error(`the leak tests need '${tool}', which is not on PATH (Debian: ${fix})`);
    }
  }

  async open(): Promise<void> {
    this.ip(['netns', 'add', this.name]);
    this.inside(['ip', 'link', 'set', 'lo', 'up']);
    this.inside(['ip', 'route', 'add', 'local', '0.0.0.0/0', 'dev', 'lo']);
    this.inside(['ip', '-6', 'route', 'add', 'local', '::/0', 'dev', 'lo']);
    await this.startCapture();
    await this.startBridge();
    await this.startRelay();
  }

  /** Runs `indicia ARGS` inside the namespace; `proxyUrl` there is `insideProxyUrl`. */
  spawnIndicia(args: string[], env: Record<string, string> = {}): ChildProcess {
    return spawn('ip', ['netns', 'exec', this.name, process.execPath, cliBin, ...args], {
      env: { ...process.env, INDICIA_DATA: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  runIndicia(args: string[], options: { env?: Record<string, string>; timeoutMs: number }): Promise<CliResult> {
    return collect(this.spawnIndicia(args, options.env), options.timeoutMs);
  }

  /** Stops the capture and reads it. */
  async capture(): Promise<CaptureReport> {
    if (this.tcpdump !== null) {
      this.tcpdump.kill('SIGINT');
      await this.tcpdumpEnded;
      this.tcpdump = null;
    }
    const read = spawnSync('tcpdump', ['-n', '-r', this.capturePath], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (read.status !== 0) throw new Error(`tcpdump could not read the capture: ${read.stderr}`);
    return readCapture(read.stdout);
  }

  async close(): Promise<void> {
    this.tcpdump?.kill('SIGKILL');
    this.relay?.kill('SIGKILL');
    await new Promise<void>((resolve) => (this.bridge ? this.bridge.close(() => resolve()) : resolve()));
    spawnSync('ip', ['netns', 'del', this.name]);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async startCapture(): Promise<void> {
    const tcpdump = spawn('ip', ['netns', 'exec', this.name, 'tcpdump', '-i', 'any', '-n', '-U', '-w', this.capturePath], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.tcpdump = tcpdump;
    this.tcpdumpEnded = new Promise((resolve) => tcpdump.once('close', () => resolve()));
    await waitForOutput(tcpdump, 'stderr', 'listening on', 'tcpdump');
  }

  /** Outside: the Unix socket the relay reaches, piped to the real proxy. */
  private async startBridge(): Promise<void> {
    const proxy = new URL(this.outsideProxyUrl);
    this.bridge = createServer((fromInside) => {
      const toProxy = connect({ host: proxy.hostname, port: Number(proxy.port) });
      fromInside.pipe(toProxy).pipe(fromInside);
      fromInside.on('error', () => toProxy.destroy());
      toProxy.on('error', () => fromInside.destroy());
      fromInside.on('close', () => toProxy.destroy());
      toProxy.on('close', () => fromInside.destroy());
    });
    const bridge = this.bridge;
    await new Promise<void>((resolve, reject) => {
      bridge.once('error', reject);
      bridge.listen(join(this.dir, 'proxy.sock'), resolve);
    });
  }

  private async startRelay(): Promise<void> {
    const relay = spawn('ip', ['netns', 'exec', this.name, process.execPath, relayScript, String(this.insidePort), join(this.dir, 'proxy.sock')], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.relay = relay;
    await waitForOutput(relay, 'stdout', 'ready', 'the namespace SOCKS relay');
  }

  private ip(args: string[]): void {
    const result = spawnSync('ip', args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`ip ${args.join(' ')} failed: ${result.stderr.trim()}`);
  }

  private inside(command: string[]): void {
    this.ip(['netns', 'exec', this.name, ...command]);
  }
}

function waitForOutput(child: ChildProcess, stream: 'stdout' | 'stderr', text: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start within 10 s: ${seen}`)), 10_000);
    child[stream]?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}) before it was ready: ${seen}`));
    });
  });
}
