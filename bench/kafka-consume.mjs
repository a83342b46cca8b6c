// Kafka consumer throughput: messages/s through KafkaTransport (a consumer group, a no-op handler)
// next to a raw kafkajs eachBatch consumer over the same topic in the same run (the baseline), and a
// raw consumer that also decodes and validates each envelope (what the transport must do anyway).
// Messages are ad.extracted-sized envelopes (~2.5 KB JSON), produced through KafkaTransport.publish.
// Usage: node bench/kafka-consume.mjs [messages]   (build first: npx tsc -b bus; a broker at
// INDICIA_TEST_KAFKA, default 127.0.0.1:9092: infra/kafka.sh start)
import { writeFileSync, mkdirSync } from 'node:fs';
import kafkajs from 'kafkajs';
import { createEnvelope, deserializeEnvelope, silentLogger } from '../core/dist/index.js';
import { KafkaTransport, deleteTopicsAndGroups, consumerGroupFor, topicFor } from '../bus/dist/index.js';

const total = Number(process.argv[2] ?? 50_000);
const brokers = [process.env.INDICIA_TEST_KAFKA ?? '127.0.0.1:9092'];
const prefix = `bench-consume-${Date.now().toString(36)}`;
const topic = topicFor(prefix, 'ad.extracted');
const log = silentLogger();

const words = ['new', 'in', 'town', 'available', 'now', 'call', 'text', 'incall', 'outcall', 'real', 'photos', 'sweet', 'discreet', 'downtown'];
function adExtracted(i) {
  let text = '';
  for (let n = i; text.length < 1500; n = (n * 1103515245 + 12345) % 2 ** 31) text += `${words[n % words.length]} `;
  const phone = `+1702555${String(100 + (i % 100)).padStart(4, '0')}`;
  const url = `http://velvet-nights.test/ads/${i}`;
  return {
    adId: `ad-${i}`, captureId: `capture-${i}`, url, canonicalUrl: url, site: 'velvet-nights.test',
    fetchedAt: '2026-01-01T00:00:00.000Z', title: `Ad ${i}: new in town`, text, contentHash: 'f'.repeat(64),
    postedAt: null, location: { text: 'Las Vegas, NV', city: 'Las Vegas', country: 'US' }, language: 'en', languageBasis: 'declared',
    prices: [{ amount: 200, currency: 'USD', per: 'hour', raw: '$200/hr', source: 'text', start: 10, end: 17 }],
    age: null, defaultCountry: { country: 'US', basis: 'site-config' },
    indicators: [
      { type: 'phone', value: phone, provenance: [{ captureId: `capture-${i}`, source: 'text', start: 40, end: 54, raw: '(702) 555-0100', obfuscated: false, rules: ['libphonenumber'] }] },
      { type: 'email', value: `ad${i}@example.com`, provenance: [{ captureId: `capture-${i}`, source: 'text', start: 60, end: 80, raw: `ad${i} (at) example.com`, obfuscated: true, rules: ['email-at-words'] }] },
    ],
    detection: { method: 'site-config', score: 1, reasons: ['site config matched /ads/'] },
    truncated: false, images: [], needsBrowser: false,
  };
}

const admin = new kafkajs.Kafka({ clientId: 'indicia-bench', brokers, logLevel: kafkajs.logLevel.NOTHING }).admin();
await admin.connect();

async function produce() {
  const transport = await KafkaTransport.connect({ brokers, topicPrefix: prefix, log });
  // Built before the clock starts: the figure is publish (validation, serialisation, batching, acks), not the bench's data.
  const envelopes = Array.from({ length: total }, (_, i) => createEnvelope('ad.extracted', adExtracted(i), { runId: 'bench', producer: 'bench' }));
  const bytes = envelopes.reduce((sum, envelope) => sum + Buffer.byteLength(JSON.stringify(envelope)), 0);
  const started = process.hrtime.bigint();
  const inFlight = 5000;
  for (let from = 0; from < total; from += inFlight) {
    await Promise.all(envelopes.slice(from, from + inFlight).map((envelope) => transport.publish(envelope)));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const stats = transport.produceStats;
  await transport.close();
  return { seconds, messagesPerSecond: total / seconds, averageMessageBytes: Math.round(bytes / total), produceRequests: stats.requests };
}

/** The same messages, serialised beforehand, sent by a plain kafkajs producer in large batches: the produce baseline. */
async function rawProduce() {
  const kafka = new kafkajs.Kafka({ clientId: 'indicia-bench', brokers, logLevel: kafkajs.logLevel.NOTHING });
  const producer = kafka.producer({ createPartitioner: kafkajs.Partitioners.DefaultPartitioner });
  await producer.connect();
  const messages = Array.from({ length: total }, (_, i) => ({ key: `ad-${i}`, value: Buffer.from(JSON.stringify(createEnvelope('ad.extracted', adExtracted(i), { runId: 'bench', producer: 'bench' }))) }));
  const started = process.hrtime.bigint();
  // 2,000 a request keeps each partition's record batch under the topic's 1 MiB limit.
  for (let from = 0; from < total; from += 2000) {
    await producer.sendBatch({ topicMessages: [{ topic: topicFor(prefix, 'crawl.requested'), messages: messages.slice(from, from + 2000) }], acks: -1 });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await producer.disconnect();
  return { seconds, messagesPerSecond: total / seconds, note: 'into the crawl.requested topic (12 partitions, 1 MiB limit), pre-serialised, no validation' };
}

/** Times from the first message to the last, so joining the group is not counted. */
function stopwatch() {
  let first = null;
  let last = null;
  let count = 0;
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));
  return {
    done,
    tick(n = 1) {
      const now = process.hrtime.bigint();
      first ??= now;
      count += n;
      if (count >= total && last === null) {
        last = now;
        resolveDone();
      }
    },
    result() {
      const seconds = Number(last - first) / 1e9;
      return { seconds, messagesPerSecond: total / seconds };
    },
  };
}

async function rawConsumer(label, { decode }) {
  const kafka = new kafkajs.Kafka({ clientId: 'indicia-bench', brokers, logLevel: kafkajs.logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `${prefix}.raw-${label}`, maxWaitTimeInMs: 200 });
  const watch = stopwatch();
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset }) => {
      for (const message of batch.messages) {
        if (decode) deserializeEnvelope(message.value.toString('utf8'));
        resolveOffset(message.offset);
      }
      watch.tick(batch.messages.length);
    },
  });
  await watch.done;
  await consumer.disconnect();
  return watch.result();
}

async function transportConsumer(concurrency) {
  const transport = await KafkaTransport.connect({ brokers, topicPrefix: prefix, log });
  const watch = stopwatch();
  transport.subscribe('ad.extracted', async () => watch.tick(), { group: `transport-c${concurrency}`, concurrency });
  const started = process.hrtime.bigint();
  await transport.start();
  await watch.done;
  await transport.drain();
  const drainedAfter = Number(process.hrtime.bigint() - started) / 1e9;
  await transport.close();
  return { ...watch.result(), secondsToDrained: drainedAfter, group: consumerGroupFor(prefix, 'ad.extracted', `transport-c${concurrency}`) };
}

try {
  const produced = await produce();
  const producedRaw = await rawProduce();
  const raw = await rawConsumer('plain', { decode: false });
  const transport = await transportConsumer(1);
  const transportConcurrent = await transportConsumer(16);
  const rawDecoding = await rawConsumer('decode', { decode: true });
  const result = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    messages: total,
    partitions: 12,
    note: 'Same topic (ad.extracted, 12 partitions), same run, one local broker on the same 2 cores. Consumer figures run from the first message to the last (group join excluded). rawKafkajs: eachBatch resolving each offset, no decoding. rawKafkajsDecoding: the same plus JSON.parse and zod validation of each envelope, which KafkaTransport must do. kafkaTransport: a no-op handler at concurrency 1 and 16, progress committed as it goes (one commit request in flight, coalesced). produce: KafkaTransport.publish of envelopes built beforehand (validation, serialisation, batching, acks=all); rawKafkajsProduce: the same messages pre-serialised, kafkajs sendBatch of 2,000. Noisy shared machine: orders of magnitude.',
    produce: produced,
    rawKafkajsProduce: producedRaw,
    rawKafkajs: raw,
    rawKafkajsDecoding: rawDecoding,
    kafkaTransport: transport,
    kafkaTransportConcurrency16: transportConcurrent,
    transportVsRaw: transport.messagesPerSecond / raw.messagesPerSecond,
    transportVsRawDecoding: transport.messagesPerSecond / rawDecoding.messagesPerSecond,
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/kafka-consume.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  const rate = (r) => `${Math.round(r.messagesPerSecond).toLocaleString('en')} msg/s`;
  console.log(
    `kafka-consume: ${total} ad.extracted messages (~${produced.averageMessageBytes} B): KafkaTransport ${rate(transport)} (concurrency 16: ${rate(transportConcurrent)}), ` +
      `raw kafkajs ${rate(raw)} (${result.transportVsRaw.toFixed(2)}×), raw + decode ${rate(rawDecoding)} (${result.transportVsRawDecoding.toFixed(2)}×); published at ${rate(produced)} in ${produced.produceRequests} requests (raw kafkajs produce ${rate(producedRaw)})`,
  );
} finally {
  await deleteTopicsAndGroups(admin, prefix);
  await admin.disconnect();
}
