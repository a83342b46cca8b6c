/**
 * The lines of a WHOIS response, each read as "label: value" where it can be, grouped into
 * paragraphs (blank-line separated: RIPE-style objects) and sections (a "Registrant:" line whose
 * value follows on the lines under it: indented, as Nominet and many registrars write, or flat up
 * to the next blank line). Which labels mean what is not decided here (label-vocabulary-data.ts).
 */

export interface ResponseLine {
  /** The label as written ("Registrant Email", "nic-hdl", "Name Server"), or null for a bare line. */
  readonly label: string | null;
  /** The value after the label, or the whole trimmed line when it has no label. */
  readonly value: string;
  /** The whole line, trimmed: a section may decide a "label" was part of an address ("No:61"). */
  readonly text: string;
  readonly indent: number;
  /** Index of the blank-line separated paragraph the line is in. */
  readonly paragraph: number;
  /** The label of the section header the line is under ("Registrant", "Name servers"), if any. */
  readonly section: string | null;
}

/** Lines that are comments in the formats seen: "% ...", "# ...", ">>> Last update ... <<<", "[ disclaimer ]". */
function isComment(trimmed: string): boolean {
  return /^(?:%|#|>>>|--\s*$|\*{3})/.test(trimmed) || /^\[\s.*\]$/.test(trimmed);
}

interface LabelAndValue {
  readonly label: string | null;
  readonly value: string;
}

// "[Name Server] ns1.example.net", JPRS's "p. [Name Server]", MYNIC's "a [Domain Name]"
const bracketedLabel = /^(?:[a-z]\.?\s+)?\[([^\]\s][^\]]{0,40})\]\s*(.*)$/;
// "Label: value", "Label.......: value", "Label:\tvalue"; a label never starts a URL ("http://").
const colonLabel = /^([^:\s][^:]{0,60}?)[\s.]*:(?!\/\/)\s*(.*)$/;
// "Nom de domaine#. . . . . .google.dz" (JWhoisServer)
const hashLabel = /^([^#:]{2,60}?)#[\s.]*(.*)$/;
// "Domain-name         google.sk": a one-word label, then a run of spaces
const spacedLabel = /^([A-Za-z][\w.-]*[\w])(?: {2,}|\t+)(\S.*)$/;

function splitLabel(trimmed: string): LabelAndValue {
  const bracketed = bracketedLabel.exec(trimmed);
  if (bracketed !== null) return { label: bracketed[1]!.trim(), value: bracketed[2]!.trim() };
  const colon = colonLabel.exec(trimmed);
  if (colon !== null && !/^\d+$/.test(colon[1]!)) return { label: colon[1]!.trim(), value: colon[2]!.trim() };
  const other = hashLabel.exec(trimmed) ?? spacedLabel.exec(trimmed);
  if (other !== null) return { label: other[1]!.trim(), value: other[2]!.trim() };
  return { label: null, value: trimmed };
}

function indentOf(line: string): number {
  const leading = /^[ \t]*/.exec(line)![0];
  return leading.replace(/\t/g, '        ').length;
}

export interface ReadLinesOptions {
  /** Is a header label (value empty, nothing indented under it) still a section up to the next blank line? */
  readonly isFlatSectionLabel: (label: string) => boolean;
}

/** Every non-comment line of a response, with its label, paragraph and section. */
export function readResponseLines(text: string, options: ReadLinesOptions): ResponseLine[] {
  const raw = text.split(/\r\n|\r|\n/);
  const lines: ResponseLine[] = [];
  let paragraph = 0;
  let section: { label: string; indent: number; flat: boolean } | null = null;
  for (let index = 0; index < raw.length; index += 1) {
    const line = raw[index]!.replace(/\s+$/, '');
    const trimmed = line.trim();
    if (trimmed === '') {
      paragraph += 1;
      if (section?.flat === true) section = null;
      continue;
    }
    if (isComment(trimmed)) continue;
    const indent = indentOf(line);
    if (section !== null && !section.flat && indent <= section.indent) section = null;
    const split = splitLabel(trimmed);
    // "Titular / Registrant" with the contact indented under it: a header without its colon.
    const bareHeader = split.label === null && options.isFlatSectionLabel(trimmed) && (nextContentIndent(raw, index + 1) ?? -1) > indent;
    const { label, value } = bareHeader ? { label: trimmed, value: '' } : split;
    const startsSection = label !== null && value === '' && (section === null || section.flat || indent <= section.indent);
    if (startsSection) {
      const nextIndent = nextContentIndent(raw, index + 1);
      if (nextIndent !== null && nextIndent > indent) section = { label, indent, flat: false };
      else if (options.isFlatSectionLabel(label)) section = { label, indent, flat: true };
      else if (section?.flat === true) section = null;
      lines.push({ label, value, text: trimmed, indent, paragraph, section: null });
      continue;
    }
    lines.push({ label, value, text: trimmed, indent, paragraph, section: section?.label ?? null });
  }
  return lines;
}

function nextContentIndent(raw: readonly string[], from: number): number | null {
  for (let index = from; index < raw.length; index += 1) {
    const line = raw[index]!.replace(/\s+$/, '');
    if (line.trim() === '') return null;
    if (!isComment(line.trim())) return indentOf(line);
  }
  return null;
}
