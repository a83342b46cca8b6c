import type { ImageAd } from './ad-model.js';
import type { AdPicture } from './ad-pictures.js';
import { locationLine } from './classifieds-cities.js';
import { trapLinks } from './common-routes.js';
import { englishSitePage } from './english-site-page.js';
import { escapeHtml, link } from './html.js';
import { humanDate } from './human-date.js';
import { badMediaPagePath } from './bad-media-routes.js';
import { paginationNav } from './pagination.js';
import { imageAdsHost } from './site-hosts.js';

/** HTML of the image-ad site (picture-board.test): server-rendered, English; no contact in any text. */

export const imageAdsName = 'Picture Board';
export const imageAdsNotFoundHref = '/ads/0';

const page = englishSitePage({ name: imageAdsName, host: imageAdsHost });

/** The same traps and bad input as every site, and the bad-media page; counted by pageInventory. */
function resourceLinks(firstAdId: number | undefined): string {
  const items = trapLinks.map((trap) => `<li>${link(trap.href, trap.text)}</li>`);
  items.push(`<li>${link(badMediaPagePath, 'Gallery (beta)')}</li>`);
  items.push(`<li>${link(imageAdsNotFoundHref, 'Most viewed ad of 2019')}</li>`);
  if (firstAdId !== undefined) items.push(`<li>${link(`/go/${firstAdId}`, 'Ad of the day')}</li>`);
  return `<ul class="resources">\n${items.join('\n')}\n</ul>`;
}

export function imageAdsHome(options: { adCount: number; firstAdId: number | undefined }): string {
  return page('Photo ads', `<h1>${imageAdsName}</h1>
<p>Photo ads from independent advertisers. ${options.adCount} ads online now. Advertisers put their contact details in their pictures.</p>
<ul><li>${link('/ads?page=1', 'All ads')}</li></ul>
<h2>More</h2>
${resourceLinks(options.firstAdId)}`, '/');
}

export function imageAdsAbout(firstAdId: number | undefined): string {
  return page('About us', `<h1>About ${imageAdsName}</h1>
<p>${imageAdsName} shows photo ads. We do not check the pictures advertisers upload.</p>
${resourceLinks(firstAdId)}`, '/about');
}

/** The bad-media page (bad-media-routes.ts): broken and hostile pictures, no ad. */
export function imageAdsBadMedia(figures: string): string {
  return page('Gallery (beta)', `<h1>Gallery (beta)</h1>
<p>Pictures our upload checker let through. None of them is an ad.</p>
<div class="gallery">
${figures}
</div>
<p>${link('/', 'Home')}</p>`, badMediaPagePath);
}

export function imageAdsTerms(): string {
  return page('Terms of use', `<h1>Terms of use</h1>
<p>Advertisers are responsible for their pictures and text. Adults only.</p>`, '/terms');
}

export function imageAdsListing(listing: { page: number; pages: number; total: number; ads: ImageAd[] }): string {
  const cards = listing.ads.map((ad) => `<article class="card">
<h2>${link(ad.path, ad.title)}</h2>
<p class="snippet">${escapeHtml(`${ad.city.name} · ${ad.paragraphs[0]}`)}</p>
</article>`);
  const empty = listing.ads.length === 0 ? '<p>No ads here yet.</p>' : '';
  const pagination = paginationNav({ page: listing.page, pages: listing.pages, href: (number) => `/ads?page=${number}`, previousText: 'prev', nextText: 'next' });
  return page(`All ads — page ${listing.page}`, `<h1>All ads</h1>
<p class="count">Page ${listing.page} of ${listing.pages}, ${listing.total} ads</p>
<section class="cards">
${cards.join('\n')}${empty}
</section>
${pagination}`, `/ads?page=${listing.page}`);
}

function pictureTag(picture: AdPicture, index: number): string {
  const alt = picture.recipe.kind === 'photo' ? `Photo ${index + 1}` : 'Contact details';
  return `<figure><img src="${escapeHtml(picture.path)}" width="${picture.recipe.width}" height="${picture.recipe.height}" alt="${alt}"></figure>`;
}

export function imageAdPage(ad: ImageAd, backHref: string): string {
  const paragraphs = ad.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n');
  return page(ad.title, `<article class="ad" id="ad-${ad.id}">
<h1>${escapeHtml(ad.title)}</h1>
<p class="location">Location: ${escapeHtml(locationLine(ad.city))}</p>
<p class="posted">Posted: <time datetime="${ad.postedAt}">${humanDate(ad.postedAt)}</time></p>
<div class="ad-body">
${paragraphs}
</div>
<div class="gallery">
${ad.pictures.map(pictureTag).join('\n')}
</div>
</article>
<p>${link(backHref, 'Back to the ads')}</p>`, ad.path);
}
