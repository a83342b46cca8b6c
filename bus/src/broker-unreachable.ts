/**
 * kafkajs errors that mean no broker answered: the cluster is down or restarting, not that
 * anything is wrong with what was asked. kafkajs restarts a crashed consumer only for errors it
 * marks retriable, and it does not mark a failed coordinator lookup (every broker refused the
 * connection) so; a worker must still outlive that outage.
 */
const unreachableNames = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSGroupCoordinatorNotFound',
  'KafkaJSNumberOfRetriesExceeded',
]);

/** True when the error, or one it was caused by, says that no Kafka broker could be reached. */
export function isBrokerUnreachable(error: unknown): boolean {
  for (let link: unknown = error, depth = 0; link instanceof Error && depth < 10; link = link.cause, depth++) {
    if (unreachableNames.has(link.name)) return true;
  }
  return false;
}
