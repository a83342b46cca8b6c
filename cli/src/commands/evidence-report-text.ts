import type { EvidenceFinding, EvidenceReport } from '@indicia/crawler';

const layoutNames: Record<EvidenceReport['layout'], string> = {
  'data-dir': 'data directory',
  'warc-file': 'WARC file',
  bundle: 'evidence bundle',
};

/** The human summary of `indicia evidence verify`: what was checked, the verdict, then each finding. */
export function evidenceReportText(report: EvidenceReport): string {
  const { checked } = report;
  const counted = [
    plural(checked.files, 'file'),
    plural(checked.warcFiles, 'WARC file'),
    plural(checked.records, 'WARC record'),
    plural(checked.custodyEntries, 'custody entry', 'custody entries'),
    plural(checked.blobs, 'blob'),
  ];
  const bySeverity = (severity: EvidenceFinding['severity']) => report.findings.filter((finding) => finding.severity === severity);
  const errors = bySeverity('error');
  const lines = [`Verified ${layoutNames[report.layout]} ${printable(report.path)}`, `  checked: ${counted.join(', ')}`];
  if (checked.records === 0 && checked.custodyEntries === 0 && checked.files <= 1) lines.push('  note: there was no evidence to check here (no WARC records, no custody entries)');
  lines.push(
    errors.length === 0
      ? `  result: INTACT — no digest, custody link or listed file differs from what was recorded`
      : `  result: NOT INTACT — ${plural(errors.length, 'error')}: evidence altered, missing or reordered`,
  );
  const ordered = [...errors, ...bySeverity('warning'), ...bySeverity('notice')];
  if (ordered.length > 0) {
    const counts = (['error', 'warning', 'notice'] as const).map((severity) => [severity, bySeverity(severity).length] as const).filter(([, count]) => count > 0);
    lines.push('', `Findings (${counts.map(([severity, count]) => plural(count, severity)).join(', ')}):`);
    for (const finding of ordered) lines.push(findingLine(finding));
  }
  return `${lines.join('\n')}\n`;
}

function findingLine(finding: EvidenceFinding): string {
  const where = [
    finding.offset !== undefined ? `offset ${finding.offset}` : null,
    finding.recordId !== undefined ? `record ${finding.recordId}` : null,
    finding.seq !== undefined ? `custody seq ${finding.seq}` : null,
    finding.line !== undefined ? `line ${finding.line}` : null,
  ].filter((part) => part !== null);
  return `  ${finding.severity.toUpperCase().padEnd(7)} ${finding.kind.padEnd(11)} ${printable(finding.file)}${where.length > 0 ? ` (${where.join(', ')})` : ''}\n          ${printable(finding.message)}`;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** File names in a bundle from elsewhere are not trusted to be printable: they cannot drive the terminal. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
