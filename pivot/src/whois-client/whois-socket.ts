import { connect } from 'node:net';
import { WhoisUnavailableError } from './whois-errors.js';
import type { WhoisServerAddress } from './whois-server-address.js';

export interface WhoisQueryOptions {
  /** Where to connect (the named server, or its `connect` override). */
  address: WhoisServerAddress;
  /** The server's name, for errors. */
  server: string;
  /** The query line, without CRLF. */
  query: string;
  connectTimeoutMs: number;
  /** From the start of the connection to the server closing it. */
  totalTimeoutMs: number;
  /** Bytes kept; a longer answer is cut here and flagged. */
  maxBytes: number;
}

export interface WhoisAnswerBytes {
  bytes: Buffer;
  /** True when the answer went past maxBytes and was cut. */
  truncated: boolean;
}

/**
 * One RFC 3912 exchange: connect, send the query and CRLF, read until the server closes. An
 * endless answer is cut at maxBytes (the connection is dropped then); a server that is slow to
 * accept, or to finish, fails with WhoisUnavailableError.
 */
export function queryWhoisSocket(options: WhoisQueryOptions): Promise<WhoisAnswerBytes> {
  const { address, server } = options;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const socket = connect({ host: address.host, port: address.port });
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      socket.destroy();
      outcome();
    };
    const fail = (why: string, cause?: unknown): void => finish(() => reject(new WhoisUnavailableError(`WHOIS server ${server} ${why}`, { server, cause })));
    const connectTimer = setTimeout(() => fail(`did not accept a connection within ${options.connectTimeoutMs} ms`), options.connectTimeoutMs);
    const totalTimer = setTimeout(() => fail(`did not finish its answer within ${options.totalTimeoutMs} ms`), options.totalTimeoutMs);
    socket.once('connect', () => {
      clearTimeout(connectTimer);
      socket.write(`${options.query}\r\n`);
    });
    socket.on('data', (chunk: Buffer) => {
      const room = options.maxBytes - size;
      if (chunk.length >= room) {
        // Equal counts as cut too: more may follow, and reading on to find out is what the cap prevents.
        chunks.push(chunk.subarray(0, room));
        size += room;
        finish(() => resolve({ bytes: Buffer.concat(chunks), truncated: chunk.length > room || !socket.readableEnded }));
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    socket.once('end', () => finish(() => resolve({ bytes: Buffer.concat(chunks), truncated: false })));
    socket.once('error', (error) => fail(`could not be reached (${(error as NodeJS.ErrnoException).code ?? error.message})`, error));
  });
}
