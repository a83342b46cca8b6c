import { UsageError } from '@indicia/core';
import { hashHalves, isPerceptualHash, type HashHalves } from './hash-halves.js';
import { defaultImageMaxDistance, type ImageSimilarityQuery } from './index-store.js';
import { defaultPageSize, maxPageSize } from './search-query.js';

/** An image query checked and put in the form every adapter compares with. */
export interface NormalisedImageQuery {
  perceptualHash: string | null;
  halves: HashHalves | null;
  sha256: string | null;
  maxDistance: number;
  limit: number;
  offset: number;
}

const sha256Pattern = /^[0-9a-f]{64}$/;

export function normaliseImageQuery(query: ImageSimilarityQuery): NormalisedImageQuery {
  const limit = query.limit ?? defaultPageSize;
  const offset = query.offset ?? 0;
  const maxDistance = query.maxDistance ?? defaultImageMaxDistance;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPageSize) throw new UsageError(`search limit must be an integer from 1 to ${maxPageSize} (got ${limit})`);
  if (!Number.isInteger(offset) || offset < 0) throw new UsageError(`search offset must be a non-negative integer (got ${offset})`);
  if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > 64) throw new UsageError(`the maximum distance is a number of bits from 0 to 64 (got ${maxDistance})`);
  const perceptualHash = query.perceptualHash === null ? null : query.perceptualHash.trim().toLowerCase();
  if (perceptualHash !== null && !isPerceptualHash(perceptualHash)) throw new UsageError(`a perceptual hash is 16 hex digits (got "${query.perceptualHash}")`);
  const sha256 = query.sha256 === undefined ? null : query.sha256.trim().toLowerCase();
  if (sha256 !== null && !sha256Pattern.test(sha256)) throw new UsageError(`a sha256 is 64 hex digits (got "${query.sha256}")`);
  if (perceptualHash === null && sha256 === null) throw new UsageError('an image search needs a perceptual hash or a sha256');
  return { perceptualHash, halves: perceptualHash === null ? null : hashHalves(perceptualHash), sha256, maxDistance, limit, offset };
}
