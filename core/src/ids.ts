import { createHash, randomUUID } from 'node:crypto';

/** sha256 of bytes or UTF-8 text, lowercase hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A short, stable id derived from parts; the same parts always give the same id (sinks upsert by it). */
export function deterministicId(...parts: string[]): string {
  return sha256Hex(parts.join('\u0000')).slice(0, 32);
}

/** An ad is identified by its canonical URL; its versions are told apart by content hash. */
export function adIdFor(canonicalUrl: string): string {
  return deterministicId('ad', canonicalUrl);
}

/** An indicator is identified by its type and normalised value (and platform/chain where they apply). */
export function indicatorIdFor(type: string, value: string, qualifier = ''): string {
  return deterministicId('indicator', type, qualifier, value);
}

/** A capture is one fetch: the same URL fetched twice is two captures. */
export function captureIdFor(canonicalUrl: string, fetchedAt: string, bodySha256: string): string {
  return deterministicId('capture', canonicalUrl, fetchedAt, bodySha256);
}

export function newMessageId(): string {
  return randomUUID();
}

export function newRunId(): string {
  return `run-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${randomUUID().slice(0, 8)}`;
}
