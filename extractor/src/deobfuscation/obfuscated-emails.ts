import { asciiDomain, hasRegistrableName, isEmailLocalCharCode, normalizeEmail } from '../email-normalization.js';
import { isWordCharAt } from '../text-boundaries.js';
import { atWords, bracketOnlyAtWords, dotWords, proseWordsBeforeAt, proseWordsBeforePlainDomain } from './email-obfuscation-data.js';

/**
 * Addresses written to slip past scrapers: "anna (at) example (dot) com", "anna[@]example[.]com",
 * "anna @ example . com", "anna AT example DOT com", "fooATexample.com", "anna-at-example-dot-com",
 * "anna (arroba) example (punto) com", "anna@example\.com" and any mix of them.
 *
 * Found from each "@"-like token outwards: the local part read backwards, the domain forwards label
 * by label, then the longest run of labels that ends in a real public suffix (Public Suffix List)
 * is taken. Every quantifier is bounded and the scans are linear, so hostile text stays cheap.
 */
export interface ObfuscatedEmailSpan {
  start: number;
  end: number;
  value: string;
  rules: string[];
}

type AtKind = 'plain' | 'spaced' | 'bracketed' | 'dashed' | 'word' | 'glued';
type DotKind = 'plain' | 'spaced' | 'bracketed' | 'dashed' | 'word' | 'escaped' | 'glued';

const alternatives = (words: readonly string[]): string => words.map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|');
const openBracket = '[(\\[{<]';
const closeBracket = '[)\\]}>]';
const anyBracket = '[()\\[\\]{}<>]';
const blank = '[ \\t]';
/** A dot word must end there: "(dotty)" is not "(dot)ty". */
const wordEnd = '(?![a-z\\u0400-\\u04ff])';

/**
 * The core of each "@" stand-in; the blanks around it are taken in code (a leading \s* would rescan
 * long blank runs). A plain word ("at", "arroba") counts only between blanks (see atToken), so the
 * pattern takes it with the blank before it and a blank after: trying the words at every letter
 * of the text ("that", "chat", "Kate") made this the costliest pattern of the email rule. Matching
 * the word inside other words found nothing either: such a match was refused, and the letters it
 * covered can start no other stand-in.
 */
const atCore = new RegExp(
  `${openBracket}${blank}{0,3}(?:@|${alternatives([...atWords, ...bracketOnlyAtWords])})${blank}{0,3}${closeBracket}` +
    `|[-_](?:${alternatives(atWords)})[-_]` +
    `|@` +
    `|${blank}(?:${alternatives(atWords)})(?=${blank})`,
  'gi',
);
/** "fooATexample.com": an upper-case AT between lower-case text (ioc-fanger's rule; "fooMATbar" is left alone). */
const gluedAt = /[a-z0-9]AT[a-z]/g;

const dotWordPattern = `(?:${alternatives(dotWords)})${wordEnd}`;
const dotToken = new RegExp(
  [
    `(${blank}{0,3}${anyBracket}{1,2}${blank}{0,3}(?:${dotWordPattern}|\\.|,)${blank}{0,3}${anyBracket}{0,2}${blank}{0,3})`,
    `(${blank}{0,3}(?:${dotWordPattern}|\\.|,)${blank}{0,3}${anyBracket}{1,2}${blank}{0,3})`,
    '(\\\\\\.)',
    `(${blank}{1,3}${dotWordPattern}${blank}{1,3})`,
    `(${blank}{1,3}\\.${blank}{0,3})`,
    `([-_]${dotWordPattern}[-_])`,
    '(\\.)',
  ].join('|'),
  'iy',
);
const dotKindsByGroup: readonly DotKind[] = ['bracketed', 'bracketed', 'escaped', 'word', 'spaced', 'dashed', 'plain'];
/** A dot stand-in that ends right where a local part's later run starts (checked on a short slice). */
const localDotBefore = new RegExp(
  `(?:${blank}{0,3}${openBracket}${blank}{0,3}(?:${dotWordPattern}|\\.)${blank}{0,3}${closeBracket}${blank}{0,3}|\\\\\\.|${blank}{1,3}${dotWordPattern}${blank}{1,3})$`,
  'i',
);
const domainLabel = /[\p{L}\p{N}][\p{L}\p{N}-]*/uy;
const gluedDot = /[a-z0-9]DOT[a-z]/;
const dashedDot = /-(?:dot|punto|punkt)-/i;

const maxLocalLength = 64;
const maxLabels = 10;

/**
 * The last text asked about and its spans: the email rule and the web-address finder (which leaves
 * out names inside addresses) ask about the same normalised text one after the other.
 */
let lastText: string | null = null;
let lastSpans: readonly ObfuscatedEmailSpan[] = [];

export function findObfuscatedEmailSpans(text: string): readonly ObfuscatedEmailSpan[] {
  if (text !== lastText) {
    lastSpans = findSpans(text);
    lastText = text;
  }
  return lastSpans;
}

function findSpans(text: string): ObfuscatedEmailSpan[] {
  const spans: ObfuscatedEmailSpan[] = [];
  // An exec loop, not matchAll: matchAll copies the pattern for every text.
  atCore.lastIndex = 0;
  for (let m = atCore.exec(text); m !== null; m = atCore.exec(text)) {
    const leadingBlank = isBlank(m[0].charCodeAt(0));
    const token = leadingBlank ? atToken(text, m.index + 1, m[0].slice(1)) : atToken(text, m.index, m[0]);
    if (!token) continue;
    const span = emailAround(text, token);
    if (span) spans.push(span);
  }
  if (text.includes('AT')) {
    for (const m of text.matchAll(gluedAt)) {
      const span = emailAround(text, { start: m.index + 1, end: m.index + 3, kind: 'glued' });
      if (span) spans.push(span);
    }
  }
  return removeOverlaps(spans);
}

interface AtToken {
  start: number;
  end: number;
  kind: AtKind;
}

function atToken(text: string, index: number, core: string): AtToken | null {
  const first = core[0]!;
  let kind: AtKind;
  if (first === '@') kind = 'plain';
  else if ('([{<'.includes(first)) kind = 'bracketed';
  else if (first === '-' || first === '_') kind = 'dashed';
  else {
    // A word: it must stand alone, with blanks on both sides ("anna at example", not "cat").
    if (isWordCharAt(text, index - 1) || isWordCharAt(text, index + core.length)) return null;
    kind = 'word';
  }
  let start = index;
  while (start > 0 && index - start < 3 && isBlank(text.charCodeAt(start - 1))) start--;
  let end = index + core.length;
  while (end < text.length && end - (index + core.length) < 3 && isBlank(text.charCodeAt(end))) end++;
  const spaced = start < index || end > index + core.length;
  if (kind === 'word' && (start === index || end === index + core.length)) return null;
  if (kind === 'plain' && spaced) {
    // "Insta @anna.vegas" is a mention; "anna @ example.com" and "anna@ example.com" are addresses.
    if (end === index + core.length) return null;
    kind = 'spaced';
  }
  return { start, end, kind };
}

function emailAround(text: string, at: AtToken): ObfuscatedEmailSpan | null {
  const local = readLocalPart(text, at.start);
  if (!local) return null;
  const labels = readDomainLabels(text, at.end);
  if (!labels) return null;
  // A plain "@" with plain dots all along is an ordinary address, whichever labels end up kept:
  // leave it to the plain rule before paying for the public-suffix lookups.
  if (at.kind === 'plain' && [...local.dotKinds, ...labels.dotKinds].every((k) => k === 'plain')) return null;
  const domain = registrableDomainOf(labels);
  if (!domain) return null;
  const dotKinds = [...local.dotKinds, ...domain.dotKinds];
  if (at.kind === 'plain' && dotKinds.every((k) => k === 'plain')) return null; // an ordinary address: the plain rule's
  if (at.kind === 'word' && looksLikeProse(local.value, domain.value, domain.dotKinds)) return null;
  const value = normalizeEmail(`${local.value}@${domain.value}`);
  if (!value) return null;
  const disguises = [...new Set(dotKinds.filter((k) => k !== 'plain'))].sort().map((k) => `email:dot-${k}`);
  return { start: local.start, end: domain.end, value, rules: ['email:deobfuscated', `email:at-${at.kind}`, ...disguises] };
}

/** "look at me", "more offers at www.example.com": a word before "at" and a web address after it. */
function looksLikeProse(local: string, domain: string, domainDots: DotKind[]): boolean {
  const word = local.toLowerCase();
  if (/^\d+$/.test(word) || proseWordsBeforeAt.has(word)) return true;
  if (!domainDots.every((k) => k === 'plain')) return false;
  return proseWordsBeforePlainDomain.has(word) || domain.startsWith('www.');
}

/** The local part ending at `end`: runs of address characters joined by dots or dot stand-ins. */
function readLocalPart(text: string, end: number): { start: number; value: string; dotKinds: DotKind[] } | null {
  const runs: string[] = [];
  const dotKinds: DotKind[] = [];
  let pos = end;
  let start = end;
  let length = 0;
  for (;;) {
    let p = pos;
    while (p > 0 && length + (pos - p) <= maxLocalLength && isEmailLocalCharCode(text.charCodeAt(p - 1))) p--;
    if (p === pos) break;
    length += pos - p;
    if (length > maxLocalLength) return null;
    runs.unshift(text.slice(p, pos));
    start = p;
    const dot = localDotBefore.exec(text.slice(Math.max(0, p - 16), p));
    if (!dot) break;
    const dotStart = p - dot[0].length;
    if (dotStart === 0 || !isEmailLocalCharCode(text.charCodeAt(dotStart - 1))) break;
    dotKinds.push(dot[0].includes('\\') ? 'escaped' : /[([{<]/.test(dot[0]) ? 'bracketed' : 'word');
    pos = dotStart;
  }
  if (runs.length === 0) return null;
  // Sentence punctuation before an address is not part of it.
  while (text[start] === '.' && start < end) {
    start++;
    runs[0] = runs[0]!.slice(1);
  }
  if (runs[0] === '' || isWordCharAt(text, start - 1)) return null;
  return { start, value: runs.join('.'), dotKinds };
}

interface Label {
  text: string;
  end: number;
}

/** The labels of a domain from `start`, joined by dots or their stand-ins (at least two). */
function readDomainLabels(text: string, start: number): { labels: Label[]; dotKinds: DotKind[] } | null {
  const labels: Label[] = [];
  const dotKinds: DotKind[] = [];
  let pos = start;
  while (labels.length < maxLabels) {
    const label = readLabel(text, pos);
    if (!label) break;
    labels.push({ text: label.text, end: label.end });
    if (label.split) {
      dotKinds.push(label.split.kind);
      pos = label.split.next;
      continue;
    }
    dotToken.lastIndex = label.end;
    const dot = dotToken.exec(text);
    if (!dot || !peekLabel(text, dotToken.lastIndex)) break;
    dotKinds.push(dotKindsByGroup[dot.slice(1).findIndex((g) => g !== undefined)]!);
    pos = dotToken.lastIndex;
  }
  if (labels.length < 2) return null;
  // A split label promised a next label that may not have come.
  if (dotKinds.length >= labels.length) dotKinds.length = labels.length - 1;
  return { labels, dotKinds };
}

/** The longest run of the labels that ends in a real public suffix. */
function registrableDomainOf({ labels, dotKinds }: { labels: Label[]; dotKinds: DotKind[] }): { value: string; end: number; dotKinds: DotKind[] } | null {
  for (let n = labels.length; n >= 2; n--) {
    const ascii = asciiDomain(labels.slice(0, n).map((l) => l.text).join('.'));
    if (ascii && hasRegistrableName(ascii)) return { value: ascii, end: labels[n - 1]!.end, dotKinds: dotKinds.slice(0, n - 1) };
  }
  return null;
}

function readLabel(text: string, pos: number): { text: string; end: number; split?: { kind: DotKind; next: number } } | null {
  domainLabel.lastIndex = pos;
  const m = domainLabel.exec(text);
  if (!m) return null;
  let label = m[0];
  // "example-dot-com" and "exampleDOTcom" arrive as one label: cut them at the stand-in.
  const dashed = dashedDot.exec(label);
  const glued = gluedDot.exec(label);
  const cut = [dashed ? { at: dashed.index, length: dashed[0].length, kind: 'dashed' as const } : null, glued ? { at: glued.index + 1, length: 3, kind: 'glued' as const } : null]
    .filter((c) => c !== null)
    .sort((a, b) => a.at - b.at)[0];
  if (cut && cut.at > 0) return { text: label.slice(0, cut.at), end: pos + cut.at, split: { kind: cut.kind, next: pos + cut.at + cut.length } };
  while (label.endsWith('-')) label = label.slice(0, -1);
  return label ? { text: label, end: pos + label.length } : null;
}

function peekLabel(text: string, pos: number): boolean {
  return isWordCharAt(text, pos);
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

function removeOverlaps(spans: ObfuscatedEmailSpan[]): ObfuscatedEmailSpan[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: ObfuscatedEmailSpan[] = [];
  for (const span of spans) {
    const last = kept[kept.length - 1];
    if (last && span.start < last.end) continue;
    kept.push(span);
  }
  return kept;
}
