import { connect as connectSocket, type Socket } from 'node:net';
import type { Logger } from '@indicia/core';
import kafkajs, { type Kafka, type RetryOptions } from 'kafkajs';
import { kafkaLogCreator } from './kafka-log.js';

export interface KafkaClientOptions {
  /** `host:port` of one or more brokers. */
  brokers: string[];
  clientId?: string;
  log: Logger;
  /** kafkajs' retry of connections and requests. */
  retry?: RetryOptions;
}

/** A kafkajs client and the sockets it opened. */
export interface KafkaClient {
  kafka: Kafka;
  /**
   * Closes the connections still open once every producer, consumer and admin client of this
   * client has disconnected; answers how many there were. kafkajs forgets a broker whose connection
   * dropped (a broker restart) while a consumer group still holds it as its coordinator and
   * reconnects through it; `disconnect()` then misses that connection, whose socket and request
   * timer would keep the process alive. Ending the socket makes the broker end its side, on which
   * kafkajs disconnects the connection itself (stopping its timers).
   */
  closeLeftoverConnections(): Promise<number>;
}

/**
 * Retries long enough to ride out a broker restart (tens of seconds): 300 ms doubling to 5 s, 12
 * times, about 45 s in all, before a request fails and the caller's own retry (a message's
 * backoff, a consumer restart) takes over.
 */
export const defaultKafkaRetry: RetryOptions = { initialRetryTime: 300, maxRetryTime: 5000, retries: 12 };

/** How long a broker gets to close its side of a connection we ended, before the socket is destroyed. */
const endGraceMs = 2000;

function endSocket(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve();
    const timer = setTimeout(() => socket.destroy(), endGraceMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.end();
  });
}

/** kafkajs' own keep-alive delay for its sockets. */
const keepAliveDelayMs = 60_000;

export function createKafkaClient(options: KafkaClientOptions): KafkaClient {
  const sockets = new Set<Socket>();
  const kafka = new kafkajs.Kafka({
    clientId: options.clientId ?? 'indicia',
    brokers: options.brokers,
    connectionTimeout: 3000,
    requestTimeout: 30_000,
    retry: options.retry ?? defaultKafkaRetry,
    // kafkajs' default factory (plain TCP), plus a record of the sockets so none outlives the client.
    socketFactory: ({ host, port, onConnect }) => {
      const socket = connectSocket({ host, port }, onConnect);
      socket.setKeepAlive(true, keepAliveDelayMs);
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      return socket;
    },
    // kafkajs' debug lines (every request) are made only when someone reads them: at trace.
    logLevel: options.log.isLevelEnabled('trace') ? kafkajs.logLevel.DEBUG : kafkajs.logLevel.INFO,
    logCreator: kafkaLogCreator(options.log),
  });
  return {
    kafka,
    closeLeftoverConnections: async () => {
      const leftover = [...sockets];
      await Promise.all(leftover.map((socket) => endSocket(socket)));
      return leftover.length;
    },
  };
}
