import { phoneHandlePlatforms, phoneLinkHosts, profileUrlPatterns } from '../handle-platforms.js';
import { handleFromUrl } from '../handle-urls.js';
import type { RuleMatch, TextRule, TextRuleInput } from './extractor-rule.js';
import { findLabelledHandles } from './labelled-handles.js';

/**
 * Handles in text, only where the platform is explicit: a profile link ("t.me/anna_x", also
 * disguised: "t . me / anna_x", "t(dot)me/anna_x"), or a label ("Telegram: @anna_x", "WhatsApp
 * +44 …", see labelled-handles.ts). A bare "@anna" names no platform and is left alone.
 */
const profileHosts = [...new Set([...profileUrlPatterns.flatMap((p) => p.hosts), ...phoneLinkHosts])].sort((a, b) => b.length - a.length);
/** A dot in a host name, plain or disguised ("(dot)", "[.]", " dot "). */
const hostDot = '(?:\\.|[ \\t]{0,2}[(\\[{][ \\t]{0,2}(?:dot|\\.)[ \\t]{0,2}[)\\]}][ \\t]{0,2}|[ \\t]{1,2}(?:dot|\\.)[ \\t]{1,2})';
const hostAlternatives = profileHosts.map((h) => h.split('.').map((l) => l.replace(/-/g, '\\-')).join(hostDot)).join('|');
const linkStart = `(?:https?:\\/\\/)?(?:www\\.)?(${hostAlternatives})`;
const profileLinkAt = new RegExp(`${linkStart}([ \\t]{0,2}\\/[ \\t]{0,2})([^\\s<>"'()[\\]]*)`, 'iy');
/** A link up to its slash: where links start, searched in a short stretch before each candidate slash. */
const linkUpToSlash = new RegExp(`${linkStart}[ \\t]{0,2}\\/`, 'gi');
/** Every profile host ends in one of these, then up to two blanks and the slash of its path. */
const hostEndings = ['me', 'com', 'am', 'dog'];
/** The longest disguised dot: "  (  dot  )  ". */
const longestHostDot = 13;
/** How far before its slash a link can start: "https://www." and the longest host with every dot disguised, blanks. */
const longestReachToSlash = 'https://www.'.length + Math.max(...profileHosts.map((h) => h.length + (h.split('.').length - 1) * (longestHostDot - 1))) + 3;

/**
 * Profile links in order, as a global search with the whole link pattern would find them. That
 * pattern (every host, every dot disguise) is slow to run over a whole text, and a link cannot
 * start far before its slash; so it runs only on the stretch before each slash that follows a
 * host ending. No link is missed: a link starting before that stretch would end at an earlier
 * such slash (a host has no "/" in it), whose own stretch was searched already.
 */
function profileLinkMatches(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let searchedUntil = 0;
  for (let slash = text.indexOf('/'); slash !== -1; slash = text.indexOf('/', slash + 1)) {
    const afterSlash = slash + 1;
    if (afterSlash <= searchedUntil || !followsHostEnding(text, slash)) continue;
    const stretchStart = Math.max(searchedUntil, afterSlash - longestReachToSlash);
    linkUpToSlash.lastIndex = 0;
    const start = linkUpToSlash.exec(text.slice(stretchStart, afterSlash));
    if (!start) continue;
    profileLinkAt.lastIndex = stretchStart + start.index;
    const link = profileLinkAt.exec(text);
    if (!link) continue;
    found.push(link);
    searchedUntil = profileLinkAt.lastIndex;
  }
  return found;
}

/** Whether up to two blanks, and before them "me", "com", "am" or "dog" (any case), come before `slash`. */
function followsHostEnding(text: string, slash: number): boolean {
  let end = slash;
  while (end > 0 && slash - end < 3 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  if (slash - end > 2) return false;
  return hostEndings.some((ending) => endsWithLetters(text, end, ending));
}

/** Whether text[.., end) ends in `lowercase` (ASCII letters), in either case, without slicing: a text has many slashes. */
function endsWithLetters(text: string, end: number, lowercase: string): boolean {
  const start = end - lowercase.length;
  if (start < 0) return false;
  for (let k = 0; k < lowercase.length; k++) {
    if ((text.charCodeAt(start + k) | 32) !== lowercase.charCodeAt(k)) return false;
  }
  return true;
}

function profileLinks(text: string): RuleMatch[] {
  const matches: RuleMatch[] = [];
  for (const m of profileLinkMatches(text)) {
    // A host glued to a word is part of another name ("not.t.me/x", "a@t.me"); a link written with
    // its scheme may follow a sentence's full stop directly ("1,56 m / 64 kg.https://t.me/x").
    const glued = m.index > 0 && (/^https?:/i.test(m[0]) ? /[\w@-]/ : /[\w.@-]/).test(text[m.index - 1]!);
    if (glued) continue;
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
