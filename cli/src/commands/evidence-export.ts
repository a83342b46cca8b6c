import { mkdir, readdir, rm } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DeadLetterError, UsageError } from '@indicia/core';
import { canonicalizeUrl, custodyLogName, exportEvidenceBundle, readCustodyLines, type CaptureCustodyEntry, type ExportedBundle } from '@indicia/crawler';
import type { StoredAd } from '@indicia/indexer';
import { requireIndex, resolveDataDir } from '../data-dir.js';
import { EvidenceCommandFailedError } from './evidence-failure.js';
import { evidenceProvenance } from './evidence-provenance.js';

export interface EvidenceExportRequest {
  adId: string;
  out: string;
  data?: string;
  /** One capture of the ad instead of all of them. */
  capture?: string;
  /** Replace a non-empty --out directory. */
  force?: boolean;
  software: string;
}

export interface EvidenceExportOutcome {
  ad: StoredAd;
  bundle: ExportedBundle;
  captures: CaptureCustodyEntry[];
  capturesWithoutCustody: string[];
}

/** Finds the ad and its captures' custody entries, and writes the bundle (see exportEvidenceBundle). */
export async function runEvidenceExport(request: EvidenceExportRequest): Promise<EvidenceExportOutcome> {
  const dataDir = resolveDataDir(request.data);
  const layout = requireIndex(dataDir);
  const outDir = resolve(request.out);
  const ad = await readAd(layout.index, request.adId);
  if (!ad) throw new EvidenceCommandFailedError(`no ad ${request.adId} in ${dataDir}`);

  const indexedCaptures = capturesInIndex(ad);
  const custody = await custodyOfAd(dataDir, ad, indexedCaptures);
  const known = new Set([...indexedCaptures, ...custody.map((entry) => entry.captureId)]);
  if (request.capture !== undefined && !known.has(request.capture)) {
    throw new EvidenceCommandFailedError(`capture ${request.capture} is not a capture of ad ${ad.id} (its captures: ${[...known].join(', ')})`);
  }
  const selected = request.capture === undefined ? custody : custody.filter((entry) => entry.captureId === request.capture);
  const withCustody = new Set(custody.map((entry) => entry.captureId));
  const capturesWithoutCustody = [...known].filter((id) => !withCustody.has(id) && (request.capture === undefined || id === request.capture));
  if (selected.length === 0) {
    throw new EvidenceCommandFailedError(
      `ad ${ad.id} has no evidence to export: ${request.capture === undefined ? 'its captures' : `capture ${request.capture}`} (${capturesWithoutCustody.join(', ')}) ` +
        `have no entry in ${join(dataDir, custodyLogName)}, so they were crawled before evidence (WARC and custody log) was recorded. ` +
        `Capture the ad again with evidence: indicia crawl ${ad.url} --recrawl --data ${dataDir}`,
    );
  }

  await prepareOutDir(outDir, { dataDir, force: request.force === true });
  const provenance = evidenceProvenance({ ad, custody: selected, capturesWithoutCustody, exportedAt: new Date(), software: request.software });
  try {
    const bundle = await exportEvidenceBundle({
      dataDir,
      outDir,
      software: request.software,
      provenance,
      captures: selected.map((entry) => ({ captureId: entry.captureId, warc: entry.warc, screenshotSha256: entry.screenshotSha256 ?? null, imageSha256s: entry.imageSha256s ?? [] })),
    });
    return { ad, bundle, captures: selected, capturesWithoutCustody };
  } catch (error) {
    // A half-written bundle must not pass for a whole one; the directory was empty before.
    await emptyDir(outDir);
    throw error;
  }
}

async function readAd(indexPath: string, adId: string): Promise<StoredAd | null> {
  const { SqliteIndexStore } = await import('@indicia/indexer');
  const store = SqliteIndexStore.open(indexPath);
  try {
    return await store.getAd(adId);
  } finally {
    await store.close();
  }
}

/** Every capture id the index ties to the ad: its versions', its latest, and those its images and indicators were read from. */
function capturesInIndex(ad: StoredAd): string[] {
  const ids = [...ad.versions.map((version) => version.captureId), ad.latestCaptureId, ...ad.images.map((image) => image.captureId), ...ad.indicators.flatMap((indicator) => indicator.provenance.map((entry) => entry.captureId))];
  return [...new Set(ids)];
}

/**
 * The custody entries of the ad's captures: those the index names, and every other capture of the
 * same canonical URL (a re-crawl that showed an unchanged version is a capture of the ad too).
 */
async function custodyOfAd(dataDir: string, ad: StoredAd, indexedCaptures: string[]): Promise<CaptureCustodyEntry[]> {
  const lines = await readCustodyLines(join(dataDir, custodyLogName)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const wanted = new Set(indexedCaptures);
  const entries: CaptureCustodyEntry[] = [];
  for (const { entry } of lines) {
    if (entry?.event !== 'capture') continue;
    if (wanted.has(entry.captureId) || canonicalOrNull(entry.url) === ad.canonicalUrl) entries.push(entry);
  }
  return entries;
}

function canonicalOrNull(url: string): string | null {
  try {
    return canonicalizeUrl(url);
  } catch (error) {
    // A custody entry for something that is not an http(s) URL cannot be a capture of an ad page.
    if (error instanceof DeadLetterError) return null;
    throw error;
  }
}

async function prepareOutDir(outDir: string, options: { dataDir: string; force: boolean }): Promise<void> {
  await mkdir(outDir, { recursive: true });
  if ((await readdir(outDir)).length === 0) return;
  if (!options.force) throw new UsageError(`the export directory is not empty: ${outDir} (choose another --out, or pass --force to replace its contents)`);
  if (isWithin(options.dataDir, outDir) || isWithin(outDir, options.dataDir)) {
    throw new UsageError(`--force would delete evidence in the data directory ${options.dataDir}: choose an --out outside it`);
  }
  await emptyDir(outDir);
}

/** True when `inner` is `outer` or inside it. */
function isWithin(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (!isAbsolute(path) && path !== '..' && !path.startsWith(`..${sep}`));
}

async function emptyDir(dir: string): Promise<void> {
  for (const name of await readdir(dir)) await rm(join(dir, name), { recursive: true, force: true });
}
