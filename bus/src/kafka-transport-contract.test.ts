import { runTransportContract, type MessageType } from '@indicia/core';
import kafkajs from 'kafkajs';
import { deadLetterOf } from './dead-letter-record.js';
import { createKafkaClient } from './kafka-client.js';
import { KafkaTransport } from './kafka-transport.js';
import { readDeadLetters } from './read-dead-letters.js';
import { removePrefix, testBrokers, testLog, uniquePrefix } from './test-support/kafka-test-env.js';
import { topicFor } from './topic-plan.js';

runTransportContract('kafka', async ({ maxAttempts, retryBaseMs }) => {
  const topicPrefix = uniquePrefix('contract');
  const log = testLog();
  const transport = await KafkaTransport.connect({ brokers: testBrokers, topicPrefix, log, maxAttempts, retryBaseMs, maxWaitTimeMs: 200, drainPollMs: 100 }).catch(async (error: unknown) => {
    await removePrefix(topicPrefix); // what was created before it failed
    throw error;
  });
  return {
    transport,
    start: () => transport.start(),
    injectRaw: async (type: MessageType, value: Buffer) => {
      // A producer of our own, past KafkaTransport.publish and its validation, as a buggy or hostile one would be.
      const producer = createKafkaClient({ brokers: testBrokers, clientId: 'indicia-test-raw', log }).kafka.producer({ createPartitioner: kafkajs.Partitioners.DefaultPartitioner });
      await producer.connect();
      try {
        await producer.send({ topic: topicFor(topicPrefix, type), messages: [{ key: 'raw', value }], acks: -1 });
      } finally {
        await producer.disconnect();
      }
    },
    persistedDeadLetters: async () => (await readDeadLetters({ brokers: testBrokers, topicPrefix })).map(deadLetterOf),
    dispose: async () => {
      await transport.close();
      await removePrefix(topicPrefix);
    },
  };
}, { carriesBytes: true });
