import type { AdContacts, ImageAd } from './ad-model.js';
import type { AdPicture } from './ad-pictures.js';
import { extensionOf } from './ad-pictures.js';
import { generateClassifiedsAd } from './classifieds-ad.js';
import type { Operator, WrittenHandle } from './operators.js';
import { contactCardPicture, photoPicture, photosPerOperator, pictureLineOf, randomHeading, textRecipe } from './picture-recipes.js';
import type { FictionalPhone } from './phone-regions.js';
import type { SeededRandom } from './random.js';
import { imageAdsHost } from './site-hosts.js';

const noContacts: AdContacts = { phones: [], emails: [], handles: [] };
const pictureNotes = [
  'My number is in the picture. No calls from private numbers.',
  'See the photo for how to reach me.',
  'Contact details in the pictures below.',
  'Text me on the number in my photo.',
];

export function imageAdPath(id: number): string {
  return `/ads/${id}`;
}

/**
 * Draws the ad as a classifieds ad (same operator, city and wording), then moves every contact into
 * pictures: one with the number (sometimes the operator's own card, the same file on all its ads),
 * the email and handles either below it or in a picture of their own, and one to three of the
 * operator's photos, which have no writing.
 */
export function generateImageAd(random: SeededRandom, operators: readonly Operator[], localIndex: number, seed: number): ImageAd {
  const base = generateClassifiedsAd(random, operators, localIndex, 'public');
  const id = localIndex + 1;
  const path = imageAdPath(id);
  const { operator } = base;
  const phones = base.contacts.phones.map((written) => written.phone);
  const emails = base.contacts.emails;
  const handles: WrittenHandle[] = base.contacts.handles.map(({ platform, value }) => ({ platform, value }));

  const contactPictures: AdPicture[] = [];
  const adPicture = (lines: string[], contacts: Pick<AdPicture, 'phones' | 'emails' | 'handles'>, heading: string | undefined): AdPicture => {
    const recipe = textRecipe(random, { heading, lines, format: random.chance(0.5) ? 'png' : 'jpeg' });
    const picturePath = `/img/ads/${id}-${contactPictures.length + 1}.${extensionOf(recipe.format)}`;
    return { key: `ad-${id}-${contactPictures.length + 1}`, path: picturePath, url: `http://${imageAdsHost}${picturePath}`, recipe, ...contacts };
  };

  let phonesLeft: FictionalPhone[] = phones;
  if (random.chance(0.3)) {
    contactPictures.push(contactCardPicture(seed, operator, operator.phones.indexOf(phones[0]!), imageAdsHost));
    phonesLeft = phones.slice(1);
  }
  const others: Array<{ email: string } | { handle: WrittenHandle }> = [...emails.map((email) => ({ email })), ...handles.map((handle) => ({ handle }))];
  const together = random.chance(0.5);
  const withPhones = together ? others : [];
  if (phonesLeft.length > 0 || withPhones.length > 0) {
    const lines = [...phonesLeft.map((phone) => pictureLineOf({ phone }, random)), ...withPhones.map((contact) => pictureLineOf(contact, random))];
    contactPictures.push(adPicture(lines, { phones: phonesLeft, emails: together ? emails : [], handles: together ? handles : [] }, random.chance(0.7) ? randomHeading(random) : undefined));
  }
  if (!together && others.length > 0) {
    contactPictures.push(adPicture(others.map((contact) => pictureLineOf(contact, random)), { phones: [], emails, handles }, undefined));
  }

  const photoCount = random.int(1, photosPerOperator);
  const firstPhoto = random.int(0, photosPerOperator - 1);
  const photos = Array.from({ length: photoCount }, (_, n) => photoPicture(seed, operator.index, (firstPhoto + n) % photosPerOperator, { host: imageAdsHost, prefix: '/photos' }));
  const paragraphs = [base.paragraphs[0]!, base.paragraphs[1]!, random.pick(pictureNotes)];
  return {
    ...base, kind: 'image', host: imageAdsHost, path, url: `http://${imageAdsHost}${path}`,
    contacts: noContacts, paragraphs, pictures: [...photos.slice(0, 1), ...contactPictures, ...photos.slice(1)],
  };
}
