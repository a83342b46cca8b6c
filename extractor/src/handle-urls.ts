import type { HandlePlatform } from '@indicia/core';
import { canonicalHandle, profileUrlPatterns } from './handle-platforms.js';
import { parsePhoneCandidate } from './phone-number-parsing.js';

export interface HandleInUrl {
  platform: HandlePlatform;
  /** Stored value: lowercased user name, or E.164 for WhatsApp. */
  value: string;
  /** Offsets of the user name (or number) inside the string given. */
  start: number;
  end: number;
}

const schemeAndHost = /^(?:(?:https?:)?\/\/)?(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})(?=[/?#]|$)/i;

/**
 * The handle a profile or messenger link names: t.me/<x>, instagram.com/<x>, tiktok.com/@x,
 * wa.me/<digits>, api.whatsapp.com/send?phone=<digits>, whatsapp://send?phone=<digits>. The input
 * may lack a scheme ("t.me/anna_x"); offsets point into it as given.
 */
export function handleFromUrl(url: string): HandleInUrl | null {
  const whatsapp = whatsappNumberInUrl(url);
  if (whatsapp) return whatsapp;
  const hostMatch = schemeAndHost.exec(url);
  if (!hostMatch) return null;
  const host = hostMatch[1]!.toLowerCase();
  const pattern = profileUrlPatterns.find((p) => p.hosts.includes(host));
  if (!pattern) return null;
  const afterHost = hostMatch[0].length;
  const path = url.slice(afterHost);
  const prefix = pattern.pathPrefix ?? '';
  // Telegram's public channel preview is t.me/s/<name>.
  const segment = new RegExp(`^/(?:${pattern.platform === 'telegram' ? 's/' : ''})?${escapeRegExp(prefix)}([^/?#]+)`, 'i').exec(path);
  if (!segment) return null;
  const name = segment[1]!;
  if (pattern.reservedPaths.has(name.toLowerCase())) return null;
  const value = canonicalHandle(pattern.platform, name);
  if (!value) return null;
  const start = afterHost + segment[0].length - name.length;
  return { platform: pattern.platform, value, start, end: start + name.length };
}

const whatsappPatterns = [
  /^(?:(?:https?:)?\/\/)?(?:www\.)?wa\.me\/\+?(\d{7,15})(?=[/?#]|$)/i,
  /^(?:(?:https?:)?\/\/)?(?:api|web)\.whatsapp\.com\/send\/?\?(?:[^#]*&)?phone=(?:\+|%2B)?(\d{7,15})(?=[&#]|$)/i,
  /^whatsapp:\/\/send\/?\?(?:[^#]*&)?phone=(?:\+|%2B)?(\d{7,15})(?=[&#]|$)/i,
];

function whatsappNumberInUrl(url: string): HandleInUrl | null {
  for (const pattern of whatsappPatterns) {
    const m = pattern.exec(url);
    if (!m) continue;
    const digits = m[1]!;
    const parsed = parsePhoneCandidate(`+${digits}`);
    if (!parsed) return null;
    const end = m[0].length;
    return { platform: 'whatsapp', value: parsed.e164, start: end - digits.length, end };
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
