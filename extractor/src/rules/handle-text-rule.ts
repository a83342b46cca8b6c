import type { HandlePlatform } from '@indicia/core';
import { canonicalHandle } from '../handle-platforms.js';
import { handleFromUrl } from '../handle-urls.js';
import { isWordCharAt } from '../text-boundaries.js';
import type { RuleMatch, TextRule, TextRuleInput } from './extractor-rule.js';
import { findPhoneSpans } from './phone-text-rule.js';

/**
 * Handles in text, only where the platform is explicit: a profile link ("t.me/anna_x"), or a label
 * followed by ":" or "@" ("Telegram: @anna_x", "Snap: anna.x", "Kik - annax"). A bare "@anna" names
 * no platform and is left alone.
 */
const profileLink = /(?:https?:\/\/)?(?:www\.)?(?:t\.me|telegram\.(?:me|dog)|instagram\.com|instagr\.am|(?:mobile\.)?twitter\.com|x\.com|onlyfans\.com|(?:m\.)?tiktok\.com|snapchat\.com|kik\.me|(?:m\.)?facebook\.com|fb\.com|wa\.me|api\.whatsapp\.com)\/[^\s<>"'()[\]]*/gi;

const namedLabels: Record<string, HandlePlatform> = {
  telegram: 'telegram', tg: 'telegram',
  snapchat: 'snapchat', snap: 'snapchat',
  kik: 'kik',
  instagram: 'instagram', insta: 'instagram', ig: 'instagram',
  twitter: 'twitter',
  onlyfans: 'onlyfans',
  tiktok: 'tiktok',
  skype: 'skype',
  wechat: 'wechat',
};
const labelledName = /(telegram|tg|snapchat|snap|kik|instagram|insta|ig|twitter|onlyfans|tiktok|skype|wechat)\s*(?:[:：\-–]\s*@?|@)([a-z0-9._-]+)/gi;

const phoneLabels: Record<string, HandlePlatform> = { whatsapp: 'whatsapp', 'whats app': 'whatsapp', wa: 'whatsapp', signal: 'signal' };
const labelledPhone = /(whats ?app|wa|signal)\b\s*(?:[:：\-–]\s*)?(?:(?:me|only|at|on)\s*:?\s*)?/gi;
/** How far after a messenger label the number may start. */
const labelReach = 40;

/** Every profile host ends in one of these before its path: a cheap test before the full pattern. */
const profileHostEnding = /\.(?:me|com|am|dog)\//i;

function profileLinks(text: string): RuleMatch[] {
  const matches: RuleMatch[] = [];
  if (!profileHostEnding.test(text)) return matches;
  for (const m of text.matchAll(profileLink)) {
    if (m.index > 0 && /[\w.@-]/.test(text[m.index - 1]!)) continue;
    const token = m[0].replace(/[.,;:!?]+$/, '');
    const handle = handleFromUrl(token);
    if (!handle) continue;
    const start = m.index;
    const end = m.index + handle.end;
    matches.push({ type: 'handle', platform: handle.platform, value: handle.value, start, end, rules: ['handle:profile-link'] });
    if (handle.platform === 'whatsapp') matches.push({ type: 'phone', value: handle.value, start: m.index + handle.start, end, rules: ['phone:whatsapp-link'] });
  }
  return matches;
}

function labelledNames(text: string): RuleMatch[] {
  const matches: RuleMatch[] = [];
  for (const m of text.matchAll(labelledName)) {
    if (isWordCharAt(text, m.index - 1)) continue;
    const platform = namedLabels[m[1]!.toLowerCase()]!;
    const name = m[2]!.replace(/[.,;:!?-]+$/, '');
    const value = canonicalHandle(platform, name);
    if (!value) continue;
    const nameStart = m.index + m[0].length - m[2]!.length;
    matches.push({ type: 'handle', platform, value, start: m.index, end: nameStart + name.length, rules: ['handle:label'] });
  }
  return matches;
}

function labelledPhones(text: string, defaultCountry: string | null): RuleMatch[] {
  const matches: RuleMatch[] = [];
  for (const m of text.matchAll(labelledPhone)) {
    if (isWordCharAt(text, m.index - 1)) continue;
    const platform = phoneLabels[m[1]!.toLowerCase()]!;
    const afterLabel = m.index + m[0].length;
    const window = text.slice(afterLabel, afterLabel + labelReach).split('\n')[0]!;
    const first = findPhoneSpans(window, defaultCountry)[0];
    if (!first || first.start > 2) continue;
    matches.push({ type: 'handle', platform, value: first.e164, start: m.index, end: afterLabel + first.end, rules: ['handle:messenger-label', ...first.rules.filter((r) => r !== 'phone:text')] });
  }
  return matches;
}

export const handleTextRule: TextRule = {
  name: 'handle:text',
  find({ text, defaultCountry }: TextRuleInput): RuleMatch[] {
    return [...profileLinks(text), ...labelledNames(text), ...labelledPhones(text, defaultCountry)];
  },
};
