import type { HandlePlatform } from '@indicia/core';

/**
 * What a handle looks like on each platform that has user names (WhatsApp and Signal handles are
 * phone numbers instead), and which profile URLs carry one. Values are compared lowercased.
 */
export const handleSyntax: Partial<Record<HandlePlatform, RegExp>> = {
  telegram: /^[a-z][a-z0-9_]{3,31}$/,
  instagram: /^[a-z0-9._]{1,30}$/,
  twitter: /^[a-z0-9_]{1,15}$/,
  snapchat: /^[a-z][a-z0-9._-]{2,14}$/,
  kik: /^[a-z0-9._]{2,20}$/,
  onlyfans: /^[a-z0-9._-]{3,30}$/,
  tiktok: /^[a-z0-9._]{2,24}$/,
  facebook: /^[a-z0-9.]{5,50}$/,
  // Classic Skype names, and the "live:" ids of Microsoft accounts ("live:anna_x", "live:.cid.12ab…").
  skype: /^(?:[a-z][a-z0-9.,_-]{5,31}|live:(?:\.cid\.)?[a-z0-9][a-z0-9._-]{2,40})$/,
  wechat: /^[a-z][a-z0-9_-]{5,19}$/,
  line: /^[a-z0-9._-]{4,20}$/,
};

/** Platforms whose handle is a phone number (stored as E.164). */
export const phoneHandlePlatforms: ReadonlySet<HandlePlatform> = new Set(['whatsapp', 'signal']);

export interface ProfileUrlPattern {
  platform: HandlePlatform;
  /** Host names without "www.", lowercased. */
  hosts: readonly string[];
  /** Path segments that are site pages, not user names. */
  reservedPaths: ReadonlySet<string>;
  /**
   * The handle is the first path segment after one of these prefixes (lowercase; "" for none):
   * "add/" on snapchat.com, "@" on tiktok.com, "ti/p/~" on line.me, "s/" for Telegram's channel preview.
   */
  pathPrefixes?: readonly string[];
}

export const profileUrlPatterns: readonly ProfileUrlPattern[] = [
  { platform: 'telegram', hosts: ['t.me', 'telegram.me', 'telegram.dog'], reservedPaths: new Set(['joinchat', 'share', 'addstickers', 'addtheme', 'proxy', 'socks', 'iv', 'c', 's']), pathPrefixes: ['s/', ''] },
  { platform: 'instagram', hosts: ['instagram.com', 'instagr.am', 'm.instagram.com'], reservedPaths: new Set(['p', 'reel', 'reels', 'explore', 'stories', 'accounts', 'tv', 'about', 'developer', 'legal', 'direct']) },
  { platform: 'instagram', hosts: ['ig.me'], reservedPaths: new Set(), pathPrefixes: ['m/'] },
  { platform: 'twitter', hosts: ['twitter.com', 'x.com', 'mobile.twitter.com', 'mobile.x.com'], reservedPaths: new Set(['intent', 'share', 'home', 'i', 'search', 'hashtag', 'explore', 'settings', 'login', 'signup', 'messages', 'notifications', 'tos', 'privacy']) },
  { platform: 'onlyfans', hosts: ['onlyfans.com'], reservedPaths: new Set(['my', 'terms', 'privacy', 'help', 'about', 'faq', 'contact', 'legal']) },
  { platform: 'tiktok', hosts: ['tiktok.com', 'm.tiktok.com'], reservedPaths: new Set(), pathPrefixes: ['@'] },
  { platform: 'snapchat', hosts: ['snapchat.com'], reservedPaths: new Set(), pathPrefixes: ['add/', '@'] },
  { platform: 'kik', hosts: ['kik.me'], reservedPaths: new Set() },
  { platform: 'facebook', hosts: ['facebook.com', 'm.facebook.com', 'web.facebook.com', 'fb.com', 'fb.me', 'm.me'], reservedPaths: new Set(['sharer', 'sharer.php', 'share', 'pages', 'groups', 'events', 'watch', 'marketplace', 'login', 'help', 'policies', 'profile.php', 'dialog', 'plugins', 'tr', 'home.php', 'photo.php', 'story.php', 'permalink.php', 'messages', 'notifications', 'search', 'reel', 'stories']) },
  { platform: 'line', hosts: ['line.me'], reservedPaths: new Set(), pathPrefixes: ['ti/p/~', 'r/ti/p/~'] },
];

/** Hosts of links whose handle is a phone number (WhatsApp chats, Signal's "find me by number"; see handle-urls.ts). */
export const phoneLinkHosts: readonly string[] = ['wa.me', 'api.whatsapp.com', 'web.whatsapp.com', 'signal.me'];

/** Hosts that carry handles or messenger links; their domains are platforms, not operators' sites. */
export const messengerHosts: ReadonlySet<string> = new Set([
  ...profileUrlPatterns.flatMap((p) => p.hosts),
  ...phoneLinkHosts,
  'whatsapp.com', 'chat.whatsapp.com', 'signal.group', 'join.skype.com', 'u.wechat.com',
]);

/** The handle as stored (lowercased, no "@"), or null when it cannot be one on that platform. */
export function canonicalHandle(platform: HandlePlatform, raw: string): string | null {
  const value = raw.trim().replace(/^@/, '').replace(/[.,;:!?]+$/, '').toLowerCase();
  const syntax = handleSyntax[platform];
  return syntax && syntax.test(value) ? value : null;
}
