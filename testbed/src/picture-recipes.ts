import type { AdPicture, PictureFormat, PictureLine, PhotoRecipe, TextPictureRecipe } from './ad-pictures.js';
import { extensionOf } from './ad-pictures.js';
import type { Operator, WrittenHandle } from './operators.js';
import { formatPhone, internationalStyles, nationalStyles, type PhoneStyle } from './phone-formats.js';
import type { FictionalPhone } from './phone-regions.js';
import { mixSeed, randomStreams, SeededRandom } from './random.js';

/** Each operator has a few photos it puts on its ads, on any site: the reuse image search links. */
export const photosPerOperator = 3;

const fonts = ['DejaVu Sans', 'DejaVu Serif', 'DejaVu Sans Mono', 'Liberation Sans', 'Liberation Serif', 'Liberation Mono'];
/** Background gradient and ink, with enough contrast to be read (by people, and by OCR after thresholding). */
const palettes: ReadonlyArray<{ from: string; to: string; ink: string }> = [
  { from: '#fdf2f8', to: '#fbcfe8', ink: '#1f2937' },
  { from: '#fff7ed', to: '#fed7aa', ink: '#7c2d12' },
  { from: '#f0f9ff', to: '#bae6fd', ink: '#0c4a6e' },
  { from: '#ffffff', to: '#e5e7eb', ink: '#111111' },
  { from: '#fefce8', to: '#fde68a', ink: '#3f3f46' },
  { from: '#111827', to: '#374151', ink: '#f9fafb' },
  { from: '#3b0764', to: '#581c87', ink: '#fef08a' },
  { from: '#7f1d1d', to: '#991b1b', ink: '#ffffff' },
  { from: '#000000', to: '#1f2937', ink: '#f9a8d4' },
];
const headings = ['Call me', 'Bookings', 'Text or call', 'New in town', 'Available now', 'Private number', 'Contact'];
/** Average advance of a character, in em, generous enough for the widest of the six fonts. */
const characterWidth = 0.62;
const maxHeight = 400;
/** Room above and below the text block, so ±4° of rotation never pushes a line off the picture. */
const rotationMargin = 80;

/** A contact line as written in a picture: how a phone, an email or a handle looks there. */
export function pictureLineOf(contact: { phone: FictionalPhone } | { email: string } | { handle: WrittenHandle }, random: SeededRandom): string {
  if ('phone' in contact) {
    const national = random.chance(0.5);
    const styles: readonly PhoneStyle[] = national ? nationalStyles[contact.phone.region.country] : internationalStyles;
    return formatPhone(contact.phone, random.pick(styles));
  }
  if ('email' in contact) return contact.email;
  return contact.handle.platform === 'telegram' ? `Telegram: @${contact.handle.value}` : contact.handle.platform === 'snapchat' ? `Snap: ${contact.handle.value}` : `Instagram: @${contact.handle.value}`;
}

/** A picture with a heading (no digits) and contact lines, sized so the longest line fits. */
export function textRecipe(random: SeededRandom, options: { heading: string | undefined; lines: string[]; format: PictureFormat }): TextPictureRecipe {
  const longest = Math.max(...options.lines.map((line) => line.length));
  const widthForSmallestType = Math.ceil((longest * characterWidth * 22) / 0.86 / 40) * 40;
  const width = Math.min(800, Math.max(random.int(10, 20) * 40, widthForSmallestType));
  const font = random.pick(fonts);
  const palette = random.pick(palettes);
  // Fits the width, and the tallest picture (400 px, less a margin for the rotation) in height.
  const lineCount = options.lines.length + (options.heading === undefined ? 0 : 0.75);
  const contactSize = Math.max(20, Math.min(52, Math.floor((width * 0.86) / (longest * characterWidth)), Math.floor((maxHeight - rotationMargin) / (lineCount * 1.4))));
  const lines: PictureLine[] = [];
  if (options.heading !== undefined) lines.push({ text: options.heading, size: Math.max(18, Math.round(contactSize * 0.75)), bold: random.chance(0.5) });
  for (const text of options.lines) lines.push({ text, size: contactSize, bold: random.chance(0.4) });
  const needed = lines.reduce((sum, line) => sum + line.size * 1.4, 0) + rotationMargin;
  const height = Math.min(maxHeight, Math.max(200, Math.ceil(needed / 20) * 20, Math.round(width / 2.2)));
  return {
    kind: 'text', width, height, format: options.format, font, lines,
    ink: palette.ink, background: { from: palette.from, to: palette.to },
    rotation: (random.next() * 8 - 4),
    grain: random.chance(0.4) ? 0.1 + random.next() * 0.15 : 0,
    grainSeed: random.int(0, 0x7fff_ffff),
    jpegQuality: random.int(45, 85),
  };
}

export function photoPicture(seed: number, operatorIndex: number, photo: number, site: { host: string; prefix: string }): AdPicture {
  const random = SeededRandom.for(seed, randomStreams.photo, operatorIndex * photosPerOperator + photo);
  const [width, height] = random.pick([[480, 360], [400, 500], [640, 427], [600, 400], [420, 560]] as const);
  const recipe: PhotoRecipe = { kind: 'photo', width, height, format: 'jpeg', seed: mixSeed(seed, randomStreams.photo, operatorIndex, photo), jpegQuality: random.int(70, 88) };
  const path = `${site.prefix}/${operatorIndex}-${photo}.jpg`;
  return { key: `photo-${operatorIndex}-${photo}`, path, url: `http://${site.host}${path}`, recipe, phones: [], emails: [], handles: [] };
}

/** The card an operator posts with the same bytes on many ads: a name and one of its numbers. */
export function contactCardPicture(seed: number, operator: Operator, phoneSlot: number, host: string): AdPicture {
  const random = SeededRandom.for(seed, randomStreams.contactCard, operator.index * 4 + phoneSlot);
  const phone = operator.phones[phoneSlot]!;
  const recipe = textRecipe(random, { heading: operator.persona, lines: [pictureLineOf({ phone }, random)], format: 'png' });
  const path = `/img/cards/${operator.index}-${phoneSlot}.${extensionOf(recipe.format)}`;
  return { key: `card-${operator.index}-${phoneSlot}`, path, url: `http://${host}${path}`, recipe, phones: [phone], emails: [], handles: [] };
}

export function randomHeading(random: SeededRandom): string {
  return random.pick(headings);
}
