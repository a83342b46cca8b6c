import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '@indicia/core';
import { verifyEvidence, type EvidenceReport } from '@indicia/crawler';
import { resolveDataDir } from '../data-dir.js';
import { EvidenceCommandFailedError } from './evidence-failure.js';
import { evidenceReportText } from './evidence-report-text.js';

export interface EvidenceVerifyRequest {
  /** A data dir, one WARC file or an exported bundle; default: the data dir. */
  path?: string;
  data?: string;
  json?: boolean;
}

/**
 * Runs verifyEvidence on the path and prints the report. Throws EvidenceCommandFailedError (exit 1)
 * after printing when any finding is an error; warnings and notices are printed but do not fail.
 */
export async function runEvidenceVerify(request: EvidenceVerifyRequest): Promise<EvidenceReport> {
  const path = request.path ? resolve(request.path) : resolveDataDir(request.data);
  await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new UsageError(`nothing to verify at ${path}: pass a data directory, a WARC file or an exported evidence bundle`);
    throw error;
  });
  const report = await verifyEvidence(path);
  process.stdout.write(request.json ? `${JSON.stringify(report, null, 2)}\n` : evidenceReportText(report));
  if (!report.ok) {
    const errors = report.findings.filter((finding) => finding.severity === 'error');
    const files = [...new Set(errors.map((finding) => finding.file))];
    throw new EvidenceCommandFailedError(`the evidence at ${path} is not intact: ${errors.length} error${errors.length === 1 ? '' : 's'} in ${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}`);
  }
  return report;
}
