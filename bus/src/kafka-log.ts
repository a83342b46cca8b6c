import type { Logger } from '@indicia/core';
import kafkajs, { type logCreator } from 'kafkajs';

// kafkajs is CommonJS: its values come through the default export under ESM.
const { logLevel } = kafkajs;

/**
 * Fields of a kafkajs log entry that describe the connection, never a message: kafkajs can attach
 * offsets payloads and user errors, and message values are personal data, so everything else is
 * dropped.
 */
const safeFields = ['broker', 'clientId', 'groupId', 'memberId', 'topic', 'partition', 'retryCount', 'retryTime', 'error', 'nodeId'] as const;

/**
 * Routes kafkajs' own logs into the core logger. Its errors and warnings (a lost connection, a
 * retry, a consumer restarting, a rebalance) are what an operator needs and come out at warn: a
 * worker riding out a broker restart is expected, not an error of ours. Its info lines (joins,
 * starts) are chatty and go to debug.
 */
export function kafkaLogCreator(log: Logger): logCreator {
  return () => ({ namespace, level, log: entry }) => {
    const fields: Record<string, unknown> = { component: 'kafkajs', namespace };
    for (const name of safeFields) if (entry[name] !== undefined) fields[name] = entry[name] instanceof Error ? entry[name].message : entry[name];
    // An error response is logged by kafkajs' connection before the caller retries it (a topic
    // a moment old, a leader moving): the retry's outcome is what matters, logged on its own.
    const retriedResponse = namespace === 'Connection' && entry.message.startsWith('Response ');
    if ((level === logLevel.ERROR || level === logLevel.WARN) && !retriedResponse) log.warn(fields, entry.message);
    else if (level === logLevel.INFO) log.debug(fields, entry.message);
    else log.trace(fields, entry.message);
  };
}
