import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../../infra/tor-testnet.sh', import.meta.url));

/** What infra/tor-testnet.sh info says about the running private Tor network. */
export interface TorTestnetInfo {
  /** 'socks5h://127.0.0.1:PORT': the network's client. */
  socksUrl: string;
  /** The static onion service (in front of an authority's directory port). */
  onion: string;
  /** The onion-service host's control socket: tests publish their own services there (TorControl). */
  onionControl: string;
  state: string;
}

/**
 * The private Tor network of infra/tor-testnet.sh, for tests. `npm test` starts it before the
 * tests (scripts/test.mjs) and stops it after; a test file run on its own starts it here and stops
 * it in release(). Without Debian's tor package this throws saying so: a test never passes by
 * skipping.
 */
export class TorTestnet {
  private constructor(
    readonly info: TorTestnetInfo,
    private readonly startedHere: boolean,
  ) {}

  static use(): TorTestnet {
    const tor = spawnSync('tor', ['--version'], { encoding: 'utf8' });
    if (tor.error !== undefined || tor.status !== 0) {
      throw new Error("these tests crawl through a private Tor network, which needs Debian's 'tor' package (apt-get install -y tor): 'tor' is not on PATH");
    }
    const running = run(['status']).status === 0;
    if (!running) {
      const started = run(['start']);
      if (started.status !== 0) throw new Error(`infra/tor-testnet.sh start failed (exit ${started.status}):\n${started.stderr}`);
    }
    return new TorTestnet(readInfo(), !running);
  }

  /** Stops the network if this process started it. */
  release(): void {
    if (this.startedHere) run(['stop']);
  }

  /** Starts (or restarts, keeping its cached consensus) a client of the test's own; resolves with its SOCKS URL. */
  startClient(name: string, port: number): string {
    const started = run(['client', 'start', name, String(port)]);
    if (started.status !== 0) throw new Error(`infra/tor-testnet.sh client start ${name} failed (exit ${started.status}):\n${started.stderr}`);
    return started.stdout.trim().split('\n').pop() ?? '';
  }

  /** The pid of a client started with startClient, for a test that kills it. */
  clientPid(name: string): number {
    return Number(readFileSync(join(this.info.state, 'clients', name, 'tor.pid'), 'utf8').trim());
  }

  stopClient(name: string): void {
    run(['client', 'stop', name]);
  }
}

function run(args: string[]) {
  return spawnSync(script, args, { encoding: 'utf8', timeout: 300_000 });
}

function readInfo(): TorTestnetInfo {
  const info = run(['info']);
  if (info.status !== 0) throw new Error(`infra/tor-testnet.sh info failed: ${info.stderr}`);
  const values = new Map(info.stdout.trim().split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
  const value = (key: string) => {
    const found = values.get(key);
    if (found === undefined) throw new Error(`infra/tor-testnet.sh info did not say ${key}: ${info.stdout}`);
    return found;
  };
  return { socksUrl: value('socks_url'), onion: value('onion'), onionControl: value('onion_control'), state: value('state') };
}
