import type { CryptoChain, HandlePlatform, IndicatorType } from '@indicia/core';

/** An indicator a rule found, with offsets into the text it was given. */
export interface RuleMatch {
  type: IndicatorType;
  value: string;
  platform?: HandlePlatform;
  chain?: CryptoChain;
  start: number;
  end: number;
  /** Names of the rules (and sub-rules) that fired, for auditing the match. */
  rules: string[];
  /**
   * True when the rule itself undid a disguise ("anna (at) example (dot) com"); a span the
   * normalisation steps rewrote is marked obfuscated by them, whatever the rule says.
   */
  obfuscated?: boolean;
}

export interface TextRuleInput {
  /** Normalised text (see text-normalization.ts): offsets are mapped back to the raw text later. */
  text: string;
  defaultCountry: string | null;
}

/** Finds indicators in running text. */
export interface TextRule {
  readonly name: string;
  find(input: TextRuleInput): RuleMatch[];
}

export interface LinkRuleInput {
  /** The attribute value as written in the page (an href), offsets index into it. */
  href: string;
  defaultCountry: string | null;
}

/** Finds indicators in a link target (tel:, mailto:, wa.me/..., t.me/...). */
export interface LinkRule {
  readonly name: string;
  find(input: LinkRuleInput): RuleMatch[];
}
