// A worker for killed-consumer.test.ts, run as a child process: consumes domain.seen in a group,
// writes "start <domain>" and "done <domain>" lines as its handlers begin and end, and holds the
// handlers of the domains listed in HOLD forever while the others finish, so the parent can kill
// it with messages in flight whose successors on their partition are done.
import { appendFileSync } from 'node:fs';
import { KafkaTransport } from '../kafka-transport.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const out = env('OUT_FILE');
const held = new Set(env('HOLD').split(','));

const transport = await KafkaTransport.connect({
  brokers: [env('KAFKA_BROKERS')],
  topicPrefix: env('TOPIC_PREFIX'),
  // The broker's floor: the parent's new consumer waits this long for the killed member to be dropped.
  sessionTimeoutMs: 6000,
  maxWaitTimeMs: 200,
});
transport.subscribe('domain.seen', async (message) => {
  appendFileSync(out, `start ${message.payload.domain}\n`);
  if (held.has(message.payload.domain)) await new Promise<never>(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 2));
  appendFileSync(out, `done ${message.payload.domain}\n`);
}, { group: env('GROUP'), concurrency: 4 });
await transport.start();
