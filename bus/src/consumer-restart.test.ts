import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { silentLogger } from '@indicia/core';
import kafkajs, { type Kafka } from 'kafkajs';
import { isBrokerUnreachable } from './broker-unreachable.js';
import { SubscriptionConsumer } from './subscription-consumer.js';

/** kafkajs' typings omit its error classes' constructor arguments. */
type KafkaErrorClass = new (message: string, options?: { cause?: Error }) => Error;
type KafkaErrorName = 'KafkaJSConnectionError' | 'KafkaJSGroupCoordinatorNotFound' | 'KafkaJSNonRetriableError';
const kafkaError = (name: KafkaErrorName, message: string, cause?: Error): Error => new (kafkajs[name] as unknown as KafkaErrorClass)(message, cause ? { cause } : undefined);
const refused = () => kafkaError('KafkaJSConnectionError', 'connect ECONNREFUSED 127.0.0.1:9092');
const noCoordinator = () => kafkaError('KafkaJSGroupCoordinatorNotFound', 'Failed to find group coordinator');

type CrashListener = (event: { payload: { error: Error; restart: boolean; groupId: string } }) => void;

/**
 * Stands in for a kafkajs consumer: kafkajs has no way to make a real one crash at will, and the
 * crash that matters here (no broker answered the coordinator lookup) happens only when a broker
 * goes away in a narrow window of a group join. Records what the subscription asks of it.
 */
class ScriptedConsumer {
  readonly events = { CRASH: 'consumer.crash', GROUP_JOIN: 'consumer.group_join' };
  readonly calls: string[] = [];
  /** Failures the next connect() calls throw, in order. */
  readonly connectFailures: Error[] = [];
  private readonly crashListeners: CrashListener[] = [];

  on(event: string, listener: CrashListener): void {
    if (event === this.events.CRASH) this.crashListeners.push(listener);
  }
  async connect(): Promise<void> {
    this.calls.push('connect');
    const failure = this.connectFailures.shift();
    if (failure) throw failure;
  }
  async subscribe(): Promise<void> {
    this.calls.push('subscribe');
  }
  async run(): Promise<void> {
    this.calls.push('run');
  }
  async stop(): Promise<void> {
    this.calls.push('stop');
  }
  async disconnect(): Promise<void> {
    this.calls.push('disconnect');
  }
  /** What kafkajs does when it gives up on a consumer: it has disconnected it, then says so. */
  crash(error: Error, options: { restart: boolean }): void {
    for (const listener of this.crashListeners) listener({ payload: { error, restart: options.restart, groupId: 'g' } });
  }
}

function subscriptionOn(consumer: ScriptedConsumer, failures: Error[]): SubscriptionConsumer {
  return new SubscriptionConsumer({
    kafka: { consumer: () => consumer } as unknown as Kafka,
    prefix: 'restart-test',
    type: 'domain.seen',
    group: 'pivot',
    concurrency: 1,
    handler: async () => undefined,
    policy: { maxAttempts: 3, retryBaseMs: 10, maxRetryDelayMs: 50 },
    retry: {},
    sessionTimeoutMs: 10_000,
    maxWaitTimeMs: 100,
    log: silentLogger(),
    sendDeadLetter: async () => undefined,
    onStopRun: () => undefined,
    onConsumerFailed: (error) => failures.push(error),
    restartBaseMs: 20,
    maxRestartDelayMs: 80,
  });
}

const until = async (condition: () => boolean): Promise<void> => {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5000) throw new Error('not within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('a consumer kafkajs gives up on', () => {
  it('because no broker answered is connected and run again once one does, however many tries that takes', async () => {
    const consumer = new ScriptedConsumer();
    const failures: Error[] = [];
    const subscription = subscriptionOn(consumer, failures);
    await subscription.start();
    assert.deepEqual(consumer.calls, ['connect', 'subscribe', 'run']);
    // The broker is still down for the first two tries.
    consumer.connectFailures.push(refused(), refused());
    consumer.crash(noCoordinator(), { restart: false });
    await until(() => consumer.calls.filter((call) => call === 'run').length === 2);
    assert.deepEqual(consumer.calls.slice(3), ['connect', 'connect', 'connect', 'run'], 'subscribed once: kafkajs keeps the subscription across runs');
    assert.deepEqual(failures, []);
    await subscription.stop();
  });

  it('for another reason fails the subscription (the run stops) and is not started again', async () => {
    const consumer = new ScriptedConsumer();
    const failures: Error[] = [];
    const subscription = subscriptionOn(consumer, failures);
    await subscription.start();
    consumer.crash(kafkaError('KafkaJSNonRetriableError', 'SASL authentication failed'), { restart: false });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(failures.length, 1);
    assert.deepEqual(consumer.calls, ['connect', 'subscribe', 'run']);
    await subscription.stop();
  });

  it('that kafkajs restarts itself is left to kafkajs', async () => {
    const consumer = new ScriptedConsumer();
    const failures: Error[] = [];
    const subscription = subscriptionOn(consumer, failures);
    await subscription.start();
    consumer.crash(refused(), { restart: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual([failures.length, consumer.calls.length], [0, 3]);
    await subscription.stop();
  });

  it('is not started again once the subscription is stopping, and stop() waits for a restart under way', async () => {
    const consumer = new ScriptedConsumer();
    const subscription = subscriptionOn(consumer, []);
    await subscription.start();
    consumer.connectFailures.push(refused());
    consumer.crash(noCoordinator(), { restart: false });
    await subscription.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(consumer.calls.filter((call) => call === 'run').length, 1);
    assert.deepEqual(consumer.calls.slice(-2), ['stop', 'disconnect']);
  });
});

describe('isBrokerUnreachable', () => {
  it('recognises kafkajs errors that mean no broker answered, also as the cause of another', () => {
    assert.ok(isBrokerUnreachable(noCoordinator()));
    assert.ok(isBrokerUnreachable(kafkaError('KafkaJSNonRetriableError', 'gave up', refused())));
    assert.ok(!isBrokerUnreachable(kafkaError('KafkaJSNonRetriableError', 'SASL authentication failed')));
    assert.ok(!isBrokerUnreachable(new Error('a bug')));
    assert.ok(!isBrokerUnreachable('not an error'));
  });
});
