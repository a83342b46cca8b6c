import type { HandlePlatform } from '@indicia/core';
import type { SeededRandom } from '../random.js';

/**
 * Handles as ads write them: after a platform label ("Telegram: @anna_vip", "微信: annavip") or
 * as a profile link ("t.me/anna_vip"). WhatsApp and Signal handles are phone numbers: their
 * forms are written by the phone writer and only labelled here.
 */
type NamedPlatform = Exclude<HandlePlatform, 'whatsapp' | 'signal'>;

interface CorpusHandle {
  platform: NamedPlatform;
  /** As written (capitals and all). */
  written: string;
  /** Lowercased, no '@'. */
  value: string;
}

const namedPlatforms: readonly NamedPlatform[] = ['telegram', 'instagram', 'snapchat', 'kik', 'onlyfans', 'twitter', 'tiktok', 'skype', 'wechat', 'line', 'facebook'];
/** Platforms that have profile links the text of an ad can carry. */
const linkPlatforms: readonly NamedPlatform[] = ['telegram', 'instagram', 'snapchat', 'kik', 'onlyfans', 'twitter', 'tiktok', 'facebook'];

/** Platforms whose user names may hold a '.'; elsewhere ads use '_'. */
const platformsWithDots: ReadonlySet<NamedPlatform> = new Set(['instagram', 'snapchat', 'kik', 'onlyfans', 'tiktok', 'facebook', 'skype', 'line']);
const tails = ['vip', 'luxe', 'sweet', 'real', 'x', 'official', 'love', 'hot', 'bb'] as const;

/** A name every platform's syntax accepts: starts with a letter, 6 to 15 characters. */
export function corpusHandle(random: SeededRandom, name: string, options: { forLink: boolean }): CorpusHandle {
  const platform = random.pick(options.forLink ? linkPlatforms : namedPlatforms);
  const lower = name.toLowerCase();
  const joiner = platform === 'facebook' ? '.' : random.pick(['_', '_', '', '.']);
  const safeJoiner = joiner === '.' && !platformsWithDots.has(platform) ? '_' : joiner;
  let value = `${lower}${safeJoiner}${random.pick(tails)}${random.int(1, 99)}`;
  if (value.length < 6) value += 'xx';
  value = value.slice(0, 15).replace(/[._]+$/, '');
  const written = random.chance(0.2) ? value.charAt(0).toUpperCase() + value.slice(1) : value;
  return { platform, written, value };
}

const labels: Record<NamedPlatform, ReadonlyArray<(h: string) => string>> = {
  telegram: [(h) => `Telegram: @${h}`, (h) => `TG: @${h}`, (h) => `Telegram @${h}`, (h) => `telegram - ${h}`],
  instagram: [(h) => `Instagram: @${h}`, (h) => `IG: ${h}`, (h) => `Insta @${h}`],
  snapchat: [(h) => `Snapchat: ${h}`, (h) => `Snap: ${h}`],
  kik: [(h) => `Kik: ${h}`, (h) => `Kik - ${h}`],
  onlyfans: [(h) => `OnlyFans: ${h}`, (h) => `Onlyfans @${h}`],
  twitter: [(h) => `Twitter: @${h}`],
  tiktok: [(h) => `TikTok: @${h}`, (h) => `Tiktok @${h}`],
  skype: [(h) => `Skype: ${h}`],
  wechat: [(h) => `WeChat: ${h}`, (h) => `WeChat ID: ${h}`],
  line: [(h) => `Line ID: ${h}`, (h) => `LINE: ${h}`],
  facebook: [(h) => `Facebook: ${h}`, (h) => `FB: ${h}`],
};

/** Labels in the script of the ad's language, where ads in that language use one. */
const localLabels: Partial<Record<string, Partial<Record<NamedPlatform, ReadonlyArray<(h: string) => string>>>>> = {
  ru: { telegram: [(h) => `Телеграм: @${h}`, (h) => `Телеграмм @${h}`] },
  zh: { wechat: [(h) => `微信: ${h}`, (h) => `微信号：${h}`] },
};

export function labelledHandle(handle: CorpusHandle, language: string, random: SeededRandom): string {
  const local = localLabels[language]?.[handle.platform];
  const shapes = local && random.chance(0.6) ? local : labels[handle.platform];
  return random.pick(shapes)(handle.written);
}

const links: Record<NamedPlatform, ReadonlyArray<(h: string) => string>> = {
  telegram: [(h) => `t.me/${h}`, (h) => `https://t.me/${h}`, (h) => `telegram.me/${h}`],
  instagram: [(h) => `instagram.com/${h}`, (h) => `https://www.instagram.com/${h}/`],
  snapchat: [(h) => `snapchat.com/add/${h}`, (h) => `https://www.snapchat.com/add/${h}`],
  kik: [(h) => `kik.me/${h}`],
  onlyfans: [(h) => `onlyfans.com/${h}`, (h) => `https://onlyfans.com/${h}`],
  twitter: [(h) => `x.com/${h}`, (h) => `https://twitter.com/${h}`],
  tiktok: [(h) => `tiktok.com/@${h}`, (h) => `https://www.tiktok.com/@${h}`],
  facebook: [(h) => `facebook.com/${h}`, (h) => `https://www.facebook.com/${h}`],
  skype: [(h) => `skype:${h}?chat`],
  wechat: [(h) => `weixin://dl/chat?${h}`],
  line: [(h) => `https://line.me/ti/p/~${h}`],
};

export function handleLink(handle: CorpusHandle, random: SeededRandom): string {
  return random.pick(links[handle.platform])(handle.written);
}

/** "WhatsApp: +44 ..." — the label in front of a written number. */
export function phoneHandleLabel(platform: 'whatsapp' | 'signal', random: SeededRandom): string {
  return platform === 'whatsapp' ? random.pick(['WhatsApp: ', 'WhatsApp ', 'WA: ', 'Whatsapp only ']) : random.pick(['Signal: ', 'Signal ']);
}

/** wa.me / api.whatsapp.com link to chat with a number (digits of the E.164 form, no '+'). */
export function whatsappLink(e164: string, random: SeededRandom): string {
  const digits = e164.slice(1);
  return random.chance(0.7) ? random.pick([`wa.me/${digits}`, `https://wa.me/${digits}`]) : `https://api.whatsapp.com/send?phone=${digits}`;
}
