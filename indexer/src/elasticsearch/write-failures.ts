import { DeadLetterError, RetryableError } from '@indicia/core';

/** An ad of a batch that was not written, and why. */
export interface AdWriteFailure {
  adId: string;
  /** Elasticsearch's reason (field values removed), or what kept failing. */
  reason: string;
  /** True when trying again later may succeed (the node was unavailable, the ad kept changing). */
  retryable: boolean;
}

/** Listing every failure in the message would make it unbounded; `failures` holds them all. */
const failuresNamed = 5;

function describeFailures(failures: readonly AdWriteFailure[], batchSize: number): string {
  const named = failures.slice(0, failuresNamed).map((failure) => `ad ${failure.adId}: ${failure.reason}`);
  const more = failures.length > failuresNamed ? `; and ${failures.length - failuresNamed} more` : '';
  return `${failures.length} of ${batchSize} ads were not indexed in Elasticsearch (the others were): ${named.join('; ')}${more}`;
}

/** Elasticsearch refused these ads for good (mapping, parse or limit errors): dead-letter them. */
export class AdsRejectedError extends DeadLetterError {
  constructor(readonly failures: readonly AdWriteFailure[], batchSize: number) {
    super(describeFailures(failures, batchSize));
  }
}

/** Some ads could not be written yet (Elasticsearch unavailable beyond the retry budget): deliver them again. */
export class AdsNotWrittenError extends RetryableError {
  constructor(readonly failures: readonly AdWriteFailure[], batchSize: number) {
    super(describeFailures(failures, batchSize));
  }
}

/** The error for a batch with failures: retryable when any failure may pass, else a dead letter. */
export function batchFailure(failures: readonly AdWriteFailure[], batchSize: number): AdsRejectedError | AdsNotWrittenError {
  return failures.some((failure) => failure.retryable) ? new AdsNotWrittenError(failures, batchSize) : new AdsRejectedError(failures, batchSize);
}
