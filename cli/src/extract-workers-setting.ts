import { availableParallelism } from 'node:os';
import { defineConfig, z, type ConfigField } from '@indicia/core';
import { defaultOcrWorkers } from '@indicia/extractor';

/**
 * One core is left to the crawler and the indexing thread; extraction, the costliest step per
 * page, gets the rest.
 */
export function defaultExtractWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * How many worker threads extract: one setting for `indicia crawl|demo --extract-workers` and
 * `indicia extract --workers`, bound to the same environment variable with the same limits.
 */
export function extractWorkersField(flag: string) {
  return {
    flag,
    schema: z.number().int().min(0).max(64).default(defaultExtractWorkers()),
    env: 'INDICIA_EXTRACT_WORKERS',
    description: 'worker threads that extract indicators (default: cores - 1, at least 1; 0 extracts in the calling thread)',
  } satisfies ConfigField;
}

/**
 * How many tesseract.js workers read images: OCR is the costliest step of an image ad, and runs
 * beside the extraction workers (each tesseract worker is a thread of its own).
 */
export function ocrWorkersField(flag: string) {
  return {
    flag,
    schema: z.number().int().min(1).max(64).default(defaultOcrWorkers()),
    env: 'INDICIA_OCR_WORKERS',
    description: 'tesseract.js workers that read text in images (default: cores - 1, at least 1)',
  } satisfies ConfigField;
}

/** `indicia extract`'s worker count: --workers, else INDICIA_EXTRACT_WORKERS, else the default. */
export function resolveBatchWorkers(flagValue: number | undefined, env: Record<string, string | undefined>): number {
  const config = defineConfig({ workers: extractWorkersField('--workers') });
  return config.resolve({ flags: { workers: flagValue }, env }).values.workers;
}
