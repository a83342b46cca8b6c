import type { HandlePlatform } from '@indicia/core';

/**
 * How ads name a messenger before the handle or number, in the ad languages. Lowercase; matched
 * case-insensitively as whole words.
 * - `words`: names that say the platform wherever they stand ("Telegram", "tg", "微信").
 * - `fieldWords`: everyday words or single letters ("line", "of", "x", "sc") that name the platform
 *   only at the start of a field ("… | LINE: anna_x") and only with ":" or "=" after them.
 */
export interface HandleLabel {
  platform: HandlePlatform;
  words: readonly string[];
  fieldWords?: readonly string[];
}

export const handleLabels: readonly HandleLabel[] = [
  { platform: 'telegram', words: ['telegram', 'telegramm', 'telegrama', 'télégram', 'telegrami', 'tg', 'телеграм', 'телеграмм', 'телега', 'тг', 'телеграмма', '电报', 'テレグラム'] },
  { platform: 'whatsapp', words: ['whatsapp', 'whats app', 'whatsap', 'watsapp', 'wattsapp', 'whatapp', 'wasap', 'wapp', 'wpp', 'wsp', 'ватсап', 'вотсап', 'вацап', 'ватсапп', 'واتساب'], fieldWords: ['wa', 'zap'] },
  { platform: 'signal', words: ['signal', 'сигнал'] },
  { platform: 'snapchat', words: ['snapchat', 'snap', 'снэпчат', 'снапчат', 'снэп'], fieldWords: ['sc'] },
  { platform: 'instagram', words: ['instagram', 'insta', 'ig', 'инстаграм', 'инста', 'инстаграмм'] },
  { platform: 'kik', words: ['kik', 'кик'] },
  { platform: 'onlyfans', words: ['onlyfans', 'only fans', 'онлифанс'], fieldWords: ['of'] },
  { platform: 'twitter', words: ['twitter', 'твиттер', '推特'], fieldWords: ['x'] },
  { platform: 'skype', words: ['skype', 'скайп'] },
  { platform: 'wechat', words: ['wechat', 'we chat', 'weixin', 'wx', 'vx', '微信', '微信号', 'вичат'] },
  { platform: 'line', words: ['line id', 'lineid', 'line app', 'ไลน์', 'ライン'], fieldWords: ['line'] },
  { platform: 'tiktok', words: ['tiktok', 'tik tok', 'тикток'] },
  { platform: 'facebook', words: ['facebook', 'fb', 'фейсбук', 'фб', '脸书'] },
];

/** Words between a label and its value that are part of neither ("Snap username: anna", "Line ID: anna"). */
export const labelFillers: readonly string[] = ['id', 'username', 'user name', 'user', 'name', 'handle', 'account', 'acc', 'nick', '号', 'ид', 'ник'];

/**
 * Words after a messenger label and before its number ("WhatsApp only 0412…", "WhatsApp me on
 * +44…", "WhatsApp and Telegram: …").
 */
export const phoneLabelFillers: readonly string[] = [
  'me', 'only', 'at', 'on', 'or', 'and', 'also', 'too', 'call', 'text', 'sms', 'msg', 'message', 'number', 'nr', 'no', 'num', 'tel',
  'phone', 'id', 'available', 'y', 'e', 'o', 'ou', 'et', 'und', 'oder', 'solo', 'nur', 'seulement', 'só', 'tylko', 'doar', 'alleen',
  'и', 'или', 'только', 'номер',
];

/**
 * What follows a label yet is no handle: "Telegram: available", "Snap: ask me", "IG: private".
 * Lowercase; compared with the whole candidate.
 */
export const notHandles: ReadonlySet<string> = new Set([
  'available', 'avail', 'only', 'yes', 'no', 'none', 'same', 'ask', 'private', 'please', 'message', 'msg', 'me', 'my', 'here',
  'below', 'above', 'contact', 'call', 'text', 'chat', 'now', 'anytime', 'online', 'offline', 'active', 'soon', 'later',
  'request', 'dm', 'pm', 'inbox', 'link', 'profile', 'username', 'user', 'name', 'id', 'number', 'add', 'follow', 'also', 'too',
  'and', 'or', 'on', 'at', 'in', 'for', 'the', 'is', 'are', 'just', 'free', 'ok', 'okay', 'sure', 'na', 'tbd', 'see', 'bio',
  'send', 'write', 'upon', 'same_as_above', 'same-as-above', 'ditto', 'above.', 'whatsapp', 'telegram', 'signal', 'snapchat',
  'instagram', 'kik', 'onlyfans', 'twitter', 'skype', 'wechat', 'line', 'tiktok', 'facebook', 'viber', 'email', 'phone',
  'disponible', 'disponibile', 'disponivel', 'disponível', 'solo', 'nur', 'seulement', 'oui', 'si', 'ja', 'da', 'nein', 'non',
  'nie', 'tak', 'sim', 'nao', 'verfugbar', 'beschikbaar', 'dostepna', 'dostepny', 'disponibila', 'privat', 'prive', 'privado',
  'privada', 'privato', 'prywatny', 'available.', 'coming', 'new', 'account', 'handle', 'nick', 'verified', 'vip', 'premium',
]);
