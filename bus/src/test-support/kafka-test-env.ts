import { randomBytes } from 'node:crypto';
import { createLogger, silentLogger, type Logger } from '@indicia/core';
import { createKafkaClient } from '../kafka-client.js';
import { deleteTopicsAndGroups } from '../topic-admin.js';

/** The broker tests run against: `INDICIA_TEST_KAFKA`, by default the one infra/kafka.sh starts. */
export const testBrokers = [process.env.INDICIA_TEST_KAFKA ?? '127.0.0.1:9092'];

/** Silent, unless INDICIA_TEST_LOG names a level: then what kafkajs and the transport did (never message contents). */
export function testLog(): Logger {
  return process.env.INDICIA_TEST_LOG ? createLogger({ level: process.env.INDICIA_TEST_LOG }) : silentLogger();
}

/** A topic prefix no other test (or engineer) uses, so tests never see each other's messages. */
export function uniquePrefix(label: string): string {
  return `test-${label}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** Deletes the topics and groups a test made under its prefix. */
export async function removePrefix(prefix: string, log: Logger = silentLogger()): Promise<void> {
  const client = createKafkaClient({ brokers: testBrokers, clientId: 'indicia-test-cleanup', log });
  const admin = client.kafka.admin();
  await admin.connect();
  try {
    await deleteTopicsAndGroups(admin, prefix);
  } finally {
    await admin.disconnect();
    await client.closeLeftoverConnections();
  }
}
