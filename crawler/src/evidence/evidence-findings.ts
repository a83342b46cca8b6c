/**
 * What `indicia evidence verify` reports. `altered`: bytes differ from what a digest, the custody
 * chain or SHA256SUMS says; `missing`: something named is not there; `reordered`: custody entries
 * out of sequence; `out-of-band`: present but named by nothing that vouches for it; `torn`: a
 * write cut short by a crash.
 */
export type FindingKind = 'altered' | 'missing' | 'reordered' | 'out-of-band' | 'torn';

export interface EvidenceFinding {
  kind: FindingKind;
  /** `error`: the evidence cannot be relied on as is; `warning`: explainable by a crash, look at it; `notice`: recorded and accounted for. */
  severity: 'error' | 'warning' | 'notice';
  /** Relative to the verified path. */
  file: string;
  offset?: number;
  recordId?: string;
  /** Custody entry sequence number and 1-based line. */
  seq?: number;
  line?: number;
  message: string;
}

export interface EvidenceReport {
  path: string;
  layout: 'data-dir' | 'warc-file' | 'bundle';
  /** No finding of severity error. */
  ok: boolean;
  checked: { warcFiles: number; records: number; custodyEntries: number; blobs: number; files: number };
  findings: EvidenceFinding[];
}
