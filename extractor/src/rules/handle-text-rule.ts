import { phoneHandlePlatforms, profileUrlPatterns } from '../handle-platforms.js';
import { handleFromUrl } from '../handle-urls.js';
import type { RuleMatch, TextRule, TextRuleInput } from './extractor-rule.js';
import { findLabelledHandles } from './labelled-handles.js';

/**
 * Handles in text, only where the platform is explicit: a profile link ("t.me/anna_x", also
 * disguised: "t . me / anna_x", "t(dot)me/anna_x"), or a label ("Telegram: @anna_x", "WhatsApp
 * +44 …", see labelled-handles.ts). A bare "@anna" names no platform and is left alone.
 */
const profileHosts = [...new Set([...profileUrlPatterns.flatMap((p) => p.hosts), 'wa.me', 'api.whatsapp.com', 'web.whatsapp.com', 'signal.me'])].sort((a, b) => b.length - a.length);
/** A dot in a host name, plain or disguised ("(dot)", "[.]", " dot "). */
const hostDot = '(?:\\.|[ \\t]{0,2}[(\\[{][ \\t]{0,2}(?:dot|\\.)[ \\t]{0,2}[)\\]}][ \\t]{0,2}|[ \\t]{1,2}(?:dot|\\.)[ \\t]{1,2})';
const profileLink = new RegExp(
  `(?:https?:\\/\\/)?(?:www\\.)?(${profileHosts.map((h) => h.split('.').map((l) => l.replace(/-/g, '\\-')).join(hostDot)).join('|')})([ \\t]{0,2}\\/[ \\t]{0,2})([^\\s<>"'()[\\]]*)`,
  'gi',
);
/** Every profile host ends in one of these before its path: a cheap test before the full pattern. */
const profileHostEnding = /(?:me|com|am|dog)[ \t]{0,2}\//i;

function profileLinks(text: string): RuleMatch[] {
  const matches: RuleMatch[] = [];
  if (!profileHostEnding.test(text)) return matches;
  for (const m of text.matchAll(profileLink)) {
    if (m.index > 0 && /[\w.@-]/.test(text[m.index - 1]!)) continue;
    const [whole, hostText, slash, path] = m as unknown as [string, string, string, string];
    const host = hostText.toLowerCase().replace(/[ \t]+/g, '').replace(/[([{](?:dot|\.)[)\]}]|dot/g, '.');
    const token = path.replace(/[.,;:!?]+$/, '');
    const handle = handleFromUrl(`${host}/${token}`);
    if (!handle) continue;
    const pathStart = m.index + whole.length - path.length;
    const toRaw = (offset: number): number => pathStart + offset - (host.length + 1);
    const obfuscated = hostText.toLowerCase() !== host || slash !== '/';
    const rules = obfuscated ? ['handle:profile-link', 'handle:obfuscated-link'] : ['handle:profile-link'];
    const end = toRaw(handle.end);
    matches.push({ type: 'handle', platform: handle.platform, value: handle.value, start: m.index, end, rules, ...(obfuscated ? { obfuscated } : {}) });
    if (phoneHandlePlatforms.has(handle.platform)) {
      matches.push({ type: 'phone', value: handle.value, start: toRaw(handle.start), end, rules: [`phone:${handle.platform}-link`], ...(obfuscated ? { obfuscated } : {}) });
    }
  }
  return matches;
}

export const handleTextRule: TextRule = {
  name: 'handle:text',
  find({ text, defaultCountry }: TextRuleInput): RuleMatch[] {
    return [...profileLinks(text), ...findLabelledHandles(text, defaultCountry)];
  },
};
