import type { HandlePlatform } from '@indicia/core';
import { canonicalHandle, profileUrlPatterns } from './handle-platforms.js';
import { parsePhoneCandidate } from './phone-number-parsing.js';

export interface HandleInUrl {
  platform: HandlePlatform;
  /** Stored value: lowercased user name, or E.164 for WhatsApp and Signal. */
  value: string;
  /** Offsets of the user name (or number) inside the string given. */
  start: number;
  end: number;
}

const schemeAndHost = /^(?:(?:https?:)?\/\/)?(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})(?=[/?#]|$)/i;

/**
 * The handle a profile or messenger link names: t.me/<x>, instagram.com/<x>, tiktok.com/@x,
 * snapchat.com/add/x, line.me/ti/p/~x, fb.me/x, wa.me/<digits>, api.whatsapp.com/send?phone=<digits>,
 * signal.me/#p/+<digits>, and the app schemes (whatsapp://, tg://resolve, skype:, weixin://, line://).
 * The input may lack a scheme ("t.me/anna_x"); offsets point into it as given.
 */
export function handleFromUrl(url: string): HandleInUrl | null {
  const byNumber = phoneHandleInUrl(url);
  if (byNumber) return byNumber;
  const byScheme = appSchemeHandle(url);
  if (byScheme) return byScheme;
  const hostMatch = schemeAndHost.exec(url);
  if (!hostMatch) return null;
  const host = hostMatch[1]!.toLowerCase();
  const pattern = profileUrlPatterns.find((p) => p.hosts.includes(host));
  if (!pattern) return null;
  const afterHost = hostMatch[0].length;
  const path = url.slice(afterHost);
  for (const prefix of pattern.pathPrefixes ?? ['']) {
    if (!path.startsWith('/') || path.slice(1, 1 + prefix.length).toLowerCase() !== prefix) continue;
    const nameStart = 1 + prefix.length;
    const nameEnd = nameStart + path.slice(nameStart).search(/[/?#]|$/);
    const name = path.slice(nameStart, nameEnd);
    if (!name || pattern.reservedPaths.has(name.toLowerCase())) continue;
    const value = canonicalHandle(pattern.platform, name);
    if (!value) continue;
    return { platform: pattern.platform, value, start: afterHost + nameStart, end: afterHost + nameEnd };
  }
  return null;
}

/** Links whose handle is a phone number: WhatsApp chats and Signal's "find me by number" links. */
const phoneLinkPatterns: ReadonlyArray<{ platform: HandlePlatform; pattern: RegExp }> = [
  { platform: 'whatsapp', pattern: /^(?:(?:https?:)?\/\/)?(?:www\.)?wa\.me\/\+?(\d{7,15})(?=[/?#]|$)/i },
  { platform: 'whatsapp', pattern: /^(?:(?:https?:)?\/\/)?(?:api|web)\.whatsapp\.com\/send\/?\?(?:[^#]*&)?phone=(?:\+|%2B)?(\d{7,15})(?=[&#]|$)/i },
  { platform: 'whatsapp', pattern: /^whatsapp:\/\/send\/?\?(?:[^#]*&)?phone=(?:\+|%2B)?(\d{7,15})(?=[&#]|$)/i },
  { platform: 'signal', pattern: /^(?:(?:(?:https?:)?\/\/)|sgnl:\/\/)?signal\.me\/#p\/(?:\+|%2B)?(\d{7,15})(?=[/?#&]|$)/i },
];

function phoneHandleInUrl(url: string): HandleInUrl | null {
  for (const { platform, pattern } of phoneLinkPatterns) {
    const m = pattern.exec(url);
    if (!m) continue;
    const digits = m[1]!;
    const parsed = parsePhoneCandidate(`+${digits}`);
    if (!parsed) return null;
    const end = m[0].length;
    return { platform, value: parsed.e164, start: end - digits.length, end };
  }
  return null;
}

/** App links: the handle is the named query value or path segment. */
const appSchemePatterns: ReadonlyArray<{ platform: HandlePlatform; pattern: RegExp }> = [
  { platform: 'telegram', pattern: /^tg:\/\/resolve\?(?:[^#]*&)?domain=([^&#]+)/i },
  { platform: 'skype', pattern: /^skype:(?:\/\/)?((?:live:)?[^?;&#/]+)/i },
  { platform: 'wechat', pattern: /^weixin:\/\/(?:dl\/chat\?|contacts\/profile\/)([^&#/?]+)/i },
  { platform: 'line', pattern: /^line:\/\/ti\/p\/~([^/?#]+)/i },
  { platform: 'snapchat', pattern: /^snapchat:\/\/add\/([^/?#]+)/i },
  { platform: 'instagram', pattern: /^instagram:\/\/user\?(?:[^#]*&)?username=([^&#]+)/i },
];

function appSchemeHandle(url: string): HandleInUrl | null {
  for (const { platform, pattern } of appSchemePatterns) {
    const m = pattern.exec(url);
    if (!m) continue;
    const value = canonicalHandle(platform, m[1]!);
    if (!value) return null;
    const end = m[0].length;
    return { platform, value, start: end - m[1]!.length, end };
  }
  return null;
}
