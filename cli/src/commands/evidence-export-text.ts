import { bundleRecordsName, bundleSumsName } from '@indicia/crawler';
import type { EvidenceExportOutcome } from './evidence-export.js';

/** What `indicia evidence export` wrote, and the commands that check it anywhere. */
export function exportSummaryText(outcome: EvidenceExportOutcome): string {
  const { ad, bundle, captures, capturesWithoutCustody } = outcome;
  const lines = [
    `Exported the evidence of ad ${ad.id} (${ad.url})`,
    `  to ${bundle.outDir}`,
    `  ${captures.length} capture${captures.length === 1 ? '' : 's'}, ${bundle.records} WARC record${bundle.records === 1 ? '' : 's'}, ${ad.indicators.length} indicator${ad.indicators.length === 1 ? '' : 's'} with provenance`,
  ];
  if (capturesWithoutCustody.length > 0) {
    lines.push(`  not exported: ${capturesWithoutCustody.length} capture(s) crawled before evidence was recorded (${capturesWithoutCustody.join(', ')}); listed in provenance.json`);
  }
  lines.push('', 'Files:');
  for (const file of bundle.files) lines.push(`  ${file.sha256}  ${file.name}`);
  lines.push(`  ${bundleSumsName}`);
  lines.push('', 'Check it, here or on another machine:', `  cd ${shellQuote(bundle.outDir)} && sha256sum -c ${bundleSumsName}`, `  warcio check ${bundleRecordsName}      (pip install warcio)`, `  indicia evidence verify ${shellQuote(bundle.outDir)}`);
  return `${lines.join('\n')}\n`;
}

function shellQuote(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
