import { cryptoTextRule } from './crypto-text-rule.js';
import { emailTextRule } from './email-text-rule.js';
import type { LinkRule, TextRule } from './extractor-rule.js';
import { handleTextRule } from './handle-text-rule.js';
import { emailLinkRule, handleLinkRule, phoneLinkRule } from './link-rules.js';
import { phoneTextRule } from './phone-text-rule.js';
import { urlLinkRule } from './url-link-rule.js';
import { urlTextRule } from './url-text-rule.js';

/**
 * The rules extraction runs, in order. De-obfuscation and new indicator types add rules here;
 * nothing else needs to change.
 */
export interface RuleRegistry {
  text: readonly TextRule[];
  link: readonly LinkRule[];
}

export const defaultRuleRegistry: RuleRegistry = {
  text: [phoneTextRule, emailTextRule, handleTextRule, cryptoTextRule, urlTextRule],
  link: [phoneLinkRule, emailLinkRule, handleLinkRule, urlLinkRule],
};
