export { KafkaTransport, type KafkaTransportOptions } from './kafka-transport.js';
export type { BatchingProducerOptions } from './batching-producer.js';
export type { DeadLetterRecord } from './dead-letter-record.js';
export { readDeadLetters, type ReadDeadLettersOptions } from './read-dead-letters.js';
export { readWholeTopic, type ReadTopicOptions } from './read-topic.js';
export { ensureTopics, deleteTopicsAndGroups, topicsOf, type EnsureTopicsOptions } from './topic-admin.js';
export { topicPlan, deadLetterTopicSettings, topicFor, deadLetterTopicFor, consumerGroupFor, defaultTopicPrefix, type TopicSettings } from './topic-plan.js';
export { defaultKafkaRetry } from './kafka-client.js';
export { pipelineLag, deadLetterCount, deleteDeploymentTopics, type GroupLag, type PipelineLagOptions } from './consumer-lag.js';
