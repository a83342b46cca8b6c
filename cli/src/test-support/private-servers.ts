import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const infra = fileURLToPath(new URL('../../../infra/', import.meta.url));

/**
 * An Elasticsearch node or Kafka broker of a test's own, on its own port and state dir, started and
 * stopped with the infra scripts: a test that stops a server mid-run must not stop the one every
 * other test uses.
 */
export class PrivateServer {
  private readonly state = mkdtempSync(join(tmpdir(), 'indicia-private-server-'));
  readonly address: string;

  constructor(
    private readonly script: 'elasticsearch.sh' | 'kafka.sh',
    private readonly port: number,
  ) {
    // As root the infra scripts run Elasticsearch as a service user, who must reach its state dir.
    chmodSync(this.state, 0o755);
    this.address = script === 'kafka.sh' ? `127.0.0.1:${port}` : `http://127.0.0.1:${port}`;
  }

  private get env(): NodeJS.ProcessEnv {
    return this.script === 'kafka.sh'
      ? { ...process.env, INDICIA_KAFKA_PORT: String(this.port), INDICIA_KAFKA_STATE: this.state }
      : { ...process.env, INDICIA_ES_PORT: String(this.port), INDICIA_ES_STATE: join(this.state, 'es'), INDICIA_ES_HEAP: '512m' };
  }

  start(): void {
    this.run('start');
  }

  stop(): void {
    this.run('stop');
  }

  /** Stops it and removes its data. */
  remove(): void {
    this.run('stop');
    rmSync(this.state, { recursive: true, force: true });
  }

  private run(command: 'start' | 'stop'): void {
    const result = spawnSync(join(infra, this.script), [command], { env: this.env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`infra/${this.script} ${command} failed (exit ${result.status}): ${result.stderr}`);
  }
}
