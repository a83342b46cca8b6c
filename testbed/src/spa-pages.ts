import type { SpaAd } from './ad-model.js';
import type { AdPicture } from './ad-pictures.js';
import { locationLine } from './classifieds-cities.js';
import { humanDate } from './human-date.js';

export const spaName = 'Night Scroll';

/**
 * What the app's server sends for "/" and every ad URL: an empty root, a notice for those without
 * JavaScript, and the script. No link, no ad text: over plain HTTP this is all there is.
 */
export const spaShell = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${spaName}</title>
</head>
<body>
<div id="app"></div>
<noscript><p>You need to enable JavaScript to run this app.</p></noscript>
<script src="/app.js"></script>
</body>
</html>
`;

export interface SpaPictureJson {
  src: string;
  width: number;
  height: number;
  alt: string;
}

export interface SpaListingJson {
  page: number;
  pages: number;
  total: number;
  ads: Array<{ id: number; href: string; title: string; city: string; snippet: string; thumbnail: SpaPictureJson | null }>;
}

export interface SpaAdJson {
  id: number;
  url: string;
  title: string;
  location: string;
  postedAt: string;
  postedText: string;
  paragraphs: string[];
  /** tel:, sms:, wa.me and mailto: links, as the classifieds site shows them. */
  links: Array<{ href: string; text: string }>;
  pictures: SpaPictureJson[];
}

function pictureJson(picture: AdPicture, index: number): SpaPictureJson {
  return { src: picture.path, width: picture.recipe.width, height: picture.recipe.height, alt: `Photo ${index + 1}` };
}

export function spaListingJson(listing: { page: number; pages: number; total: number; ads: SpaAd[] }): SpaListingJson {
  return {
    page: listing.page, pages: listing.pages, total: listing.total,
    ads: listing.ads.map((ad) => ({
      id: ad.id, href: ad.path, title: ad.title, city: ad.city.name, snippet: ad.paragraphs[0]!,
      thumbnail: ad.pictures[0] === undefined ? null : pictureJson(ad.pictures[0], 0),
    })),
  };
}

export function spaAdJson(ad: SpaAd): SpaAdJson {
  const { contacts } = ad;
  const links: SpaAdJson['links'] = [];
  if (contacts.call) links.push({ href: `tel:${contacts.call.e164}`, text: 'Call' });
  if (contacts.sms) links.push({ href: `sms:${contacts.sms.e164}`, text: 'Text' });
  if (contacts.whatsapp) links.push({ href: `https://wa.me/${contacts.whatsapp.e164.slice(1)}`, text: 'WhatsApp' });
  for (const email of contacts.emails) if (email !== contacts.disguisedEmail?.address) links.push({ href: `mailto:${email}`, text: 'Email' });
  return {
    id: ad.id, url: ad.url, title: ad.title, location: locationLine(ad.city), postedAt: ad.postedAt, postedText: humanDate(ad.postedAt),
    paragraphs: ad.paragraphs, links, pictures: ad.pictures.map(pictureJson),
  };
}
