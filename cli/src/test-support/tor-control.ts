import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { dirname, join } from 'node:path';

/**
 * A client for Tor's control protocol (control-spec.txt) over a node's ControlSocket, enough to
 * publish ephemeral onion services: a test puts its own onion service in front of its own backend
 * with ADD_ONION, and the service disappears when the connection closes (a killed test leaves
 * nothing published).
 */
export class TorControl {
  private buffered = '';
  private pending: Array<{ lines: string[]; resolve: (lines: string[]) => void; reject: (error: Error) => void }> = [];

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.receive(chunk));
    const failAll = (error: Error) => {
      for (const waiting of this.pending.splice(0)) waiting.reject(error);
    };
    socket.on('error', failAll);
    socket.on('close', () => failAll(new Error('the Tor control connection closed')));
  }

  /** Connects to a ControlSocket and authenticates with the cookie tor wrote next to it. */
  static async connect(socketPath: string): Promise<TorControl> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const opened = connect(socketPath);
      opened.once('connect', () => resolve(opened));
      opened.once('error', reject);
    });
    const control = new TorControl(socket);
    const cookie = readFileSync(join(dirname(socketPath), 'control_auth_cookie')).toString('hex');
    await control.command(`AUTHENTICATE ${cookie}`);
    return control;
  }

  /**
   * Publishes an onion service whose port 80 is forwarded to `target` (host:port) and resolves with
   * its address (`<56 chars>.onion`). A new key each time unless `privateKey` ("ED25519-V3:<base64>")
   * is given.
   */
  async addOnion(target: string, privateKey = 'NEW:ED25519-V3'): Promise<string> {
    const lines = await this.command(`ADD_ONION ${privateKey} Flags=DiscardPK Port=80,${target}`);
    const serviceId = lines.map((line) => /^ServiceID=([a-z2-7]{56})$/.exec(line)?.[1]).find((id) => id !== undefined);
    if (serviceId === undefined) throw new Error(`ADD_ONION answered without a ServiceID: ${lines.join(' | ')}`);
    return `${serviceId}.onion`;
  }

  close(): void {
    this.socket.end('QUIT\r\n');
    this.socket.destroy();
  }

  /** Sends one command; resolves with the reply's lines (status codes removed) or rejects on a 4xx/5xx. */
  command(line: string): Promise<string[]> {
    return new Promise((resolve, reject) => {
      this.pending.push({ lines: [], resolve, reject });
      this.socket.write(`${line}\r\n`);
    });
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    let end: number;
    while ((end = this.buffered.indexOf('\r\n')) >= 0) {
      const line = this.buffered.slice(0, end);
      this.buffered = this.buffered.slice(end + 2);
      const waiting = this.pending[0];
      if (waiting === undefined) continue;
      const status = line.slice(0, 3);
      waiting.lines.push(line.slice(4));
      // "250-" continues a reply, "250 " ends it; asynchronous events (650) are not subscribed to.
      if (line[3] !== ' ') continue;
      this.pending.shift();
      if (status.startsWith('2')) waiting.resolve(waiting.lines);
      else waiting.reject(new Error(`Tor control: ${line}`));
    }
  }
}
