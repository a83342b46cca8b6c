import type { CryptoChain, HandlePlatform, IndicatorType } from '@indicia/core';

/** Which string of a labelled text an offset indexes. */
export type LabelledSource = 'text' | 'html';

/** One indicator planted in a labelled text, normalised as DESIGN.md says, and where it was written. */
export interface LabelledIndicator {
  type: IndicatorType;
  value: string;
  platform?: HandlePlatform;
  chain?: CryptoChain;
  /** The written form's style id ('plain', 'number-words:de', 'email:at-dot-parens', 'crypto:monero'...). */
  style: string;
  /** The planted written form: `text` or `html`.slice(start, end) === raw. */
  source: LabelledSource;
  start: number;
  end: number;
  raw: string;
}

/** A planted number that is not a phone: a date, a price, an ad id... */
export interface LabelledDistractor {
  style: string;
  source: LabelledSource;
  start: number;
  end: number;
}

export interface LabelledText {
  id: string;
  text: string;
  /**
   * The ad as HTML, for some items. Contacts of such an item are written only in the HTML (links,
   * digits split across elements, entities), and `text` holds the prose without them: what the
   * batch contract reads from `html` is what is tested there.
   */
  html?: string;
  /** The country hint a user would pass; absent for some items, whose phones are then international. */
  country?: string;
  /** BCP 47 language of the prose. */
  language: string;
  /** Distinct by (type, platform, value): the batch contract reports each indicator once. */
  expected: LabelledIndicator[];
  /** Style ids of the distractors planted. */
  distractors: string[];
  distractorSpans: LabelledDistractor[];
}
