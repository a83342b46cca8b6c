import type { Socket } from 'node:net';

/** Reads exact byte counts from a socket during the handshake, then hands the socket back with any extra bytes unread. */
export class SocketReader {
  private buffered = Buffer.alloc(0);
  private waiting: { length: number; resolve: (bytes: Buffer) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;
  private readonly onData = (chunk: Buffer) => {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    this.deliver();
  };
  private readonly onEnd = () => this.fail(new Error('the connection closed during the SOCKS5 handshake'));
  private readonly onError = (error: Error) => this.fail(error);

  constructor(private readonly socket: Socket) {
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onError);
  }

  read(length: number): Promise<Buffer> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { length, resolve, reject };
      this.deliver();
    });
  }

  release(): Socket {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.off('error', this.onError);
    // Left flowing: the HTTP or TLS client that takes the socket attaches its own listener at once,
    // and the target says nothing before the client speaks. (A paused socket would stay paused.)
    if (this.buffered.length > 0) this.socket.unshift(this.buffered);
    return this.socket;
  }

  private deliver(): void {
    if (!this.waiting || this.buffered.length < this.waiting.length) return;
    const { length, resolve } = this.waiting;
    this.waiting = null;
    const bytes = this.buffered.subarray(0, length);
    this.buffered = this.buffered.subarray(length);
    resolve(bytes);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(this.failure);
  }
}
