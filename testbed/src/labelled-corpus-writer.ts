import { escapeHtml } from './html.js';
import type { LabelledDistractor, LabelledIndicator, LabelledSource } from './labelled-text.js';

export type ExpectedIndicator = Omit<LabelledIndicator, 'source' | 'start' | 'end' | 'raw'>;

/** A contact as an ad writes it: a lead-in, the written indicator, and what it stands for. */
export interface PlannedContact {
  lead: string;
  written: string;
  /** Markup that replaces the escaped written form in HTML (a link, split digits, raw entities). */
  html?: { before: string; content: string; after: string };
  expected: ExpectedIndicator[];
}

/**
 * Appends prose and contacts to a string and remembers where each planted indicator and distractor
 * went, so the truth carries exact offsets. The HTML flavour escapes prose as a page would.
 */
export class PlantingWriter {
  private out = '';
  readonly planted: LabelledIndicator[] = [];
  readonly distractors: LabelledDistractor[] = [];

  constructor(private readonly source: LabelledSource) {}

  get length(): number {
    return this.out.length;
  }

  prose(text: string): void {
    this.out += this.source === 'html' ? escapeHtml(text) : text;
  }

  markup(markup: string): void {
    this.out += markup;
  }

  distractor(style: string, text: string): void {
    const start = this.out.length;
    this.prose(text);
    this.distractors.push({ style, source: this.source, start, end: this.out.length });
  }

  contact(contact: PlannedContact): void {
    this.prose(contact.lead);
    if (this.source === 'html' && contact.html) {
      this.out += contact.html.before;
      this.plant(contact.html.content, contact.expected);
      this.out += contact.html.after;
    } else {
      this.plant(this.source === 'html' ? escapeHtml(contact.written) : contact.written, contact.expected);
    }
  }

  private plant(raw: string, expected: readonly ExpectedIndicator[]): void {
    const start = this.out.length;
    this.out += raw;
    for (const indicator of expected) this.planted.push({ ...indicator, source: this.source, start, end: this.out.length, raw });
  }

  toString(): string {
    return this.out;
  }
}
