import { handlePlatforms, type HandlePlatform } from '@indicia/core';
import { canonicalHandle, phoneHandlePlatforms } from './handle-platforms.js';
import { normalizePhone } from './phone-normalization.js';
import { handleFromUrl } from './handle-urls.js';

const platformAliases: Record<string, HandlePlatform> = {
  tg: 'telegram', telegram: 'telegram',
  wa: 'whatsapp', whatsapp: 'whatsapp',
  snap: 'snapchat', snapchat: 'snapchat',
  ig: 'instagram', insta: 'instagram', instagram: 'instagram',
  x: 'twitter', twitter: 'twitter',
  of: 'onlyfans', onlyfans: 'onlyfans',
  tiktok: 'tiktok', kik: 'kik', signal: 'signal', skype: 'skype', wechat: 'wechat', line: 'line',
  fb: 'facebook', facebook: 'facebook',
};

/**
 * A handle as stored and searched. Accepts "platform:value" ("telegram:@Anna_X", "wa:+44 7700 900123")
 * and profile links ("t.me/anna_x", "https://instagram.com/anna.x/"); null when the platform is not
 * explicit or the value cannot be a handle there.
 */
export function normalizeHandle(input: string): { platform: HandlePlatform; value: string } | null {
  const trimmed = input.trim();
  const fromUrl = handleFromUrl(trimmed);
  if (fromUrl) return { platform: fromUrl.platform, value: fromUrl.value };

  const labelled = /^([a-z]+)\s*[:=]\s*(.+)$/i.exec(trimmed);
  if (!labelled) return null;
  const platform = platformAliases[labelled[1]!.toLowerCase()];
  if (!platform || !(handlePlatforms as readonly string[]).includes(platform)) return null;
  if (phoneHandlePlatforms.has(platform)) {
    const e164 = normalizePhone(labelled[2]!);
    return e164 ? { platform, value: e164 } : null;
  }
  const value = canonicalHandle(platform, labelled[2]!);
  return value ? { platform, value } : null;
}
