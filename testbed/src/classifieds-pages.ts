import type { ClassifiedsAd } from './ad-model.js';
import { classifiedsCities, locationLine } from './classifieds-cities.js';
import { trapLinks } from './common-routes.js';
import { englishSitePage } from './english-site-page.js';
import { escapeHtml, link } from './html.js';
import { humanDate } from './human-date.js';
import { junkedAdHref } from './link-junk.js';
import { paginationNav } from './pagination.js';
import { classifiedsHost } from './site-hosts.js';

/** HTML of the classifieds site (velvet-nights.test): server-rendered, English, one ad per page. */

export const classifiedsName = 'Velvet Nights';
export const classifiedsNotFoundHref = '/ads/0';

const page = englishSitePage({ name: classifiedsName, host: classifiedsHost });

/** Links every site carries to its traps and bad input; counted by pageInventory. */
function resourceLinks(firstAdId: number | undefined): string {
  const items = trapLinks.map((trap) => `<li>${link(trap.href, trap.text)}</li>`);
  items.push(`<li>${link(classifiedsNotFoundHref, 'Ad of the year 2019')}</li>`);
  if (firstAdId !== undefined) items.push(`<li>${link(`/go/${firstAdId}`, 'Featured ad of the week')}</li>`);
  return `<ul class="resources">\n${items.join('\n')}\n</ul>`;
}

export function classifiedsHome(options: { adCount: number; firstAdId: number | undefined }): string {
  const cities = classifiedsCities.map((city) => `<li>${link(`/city/${city.slug}?page=1`, city.name)}</li>`).join('\n');
  return page('Companions and massage in your city', `<h1>${classifiedsName}</h1>
<p>Independent companions and massage in your city. ${options.adCount} ads online now.</p>
<p><img src="/img/banner.png" alt="${classifiedsName}" width="96" height="24"></p>
<h2>Browse</h2>
<ul><li>${link('/ads?page=1', 'All ads')}</li><li>${link('/private/archive', 'VIP archive (members only)')}</li></ul>
<h2>Cities</h2>
<ul class="cities">
${cities}
</ul>
<h2>More</h2>
${resourceLinks(options.firstAdId)}`, '/');
}

export function classifiedsAbout(firstAdId: number | undefined): string {
  return page('About us', `<h1>About ${classifiedsName}</h1>
<p>${classifiedsName} is a directory of independent advertisers. We do not take part in any meeting arranged through the site.</p>
<p>Advertisers must be adults. Report an ad with the link on its page.</p>
${resourceLinks(firstAdId)}`, '/about');
}

export function classifiedsTerms(): string {
  return page('Terms of use', `<h1>Terms of use</h1>
<p>By using this site you confirm you are an adult. Ads are placed by advertisers, who are responsible for their content.</p>
<p>We keep server logs for thirty days.</p>`, '/terms');
}

export interface ClassifiedsListing {
  heading: string;
  page: number;
  pages: number;
  total: number;
  ads: ClassifiedsAd[];
  href(page: number): string;
  canonicalPath: string;
  /** A members-only ad this page links to (under /private/, so robots.txt keeps crawlers out). */
  privateHref?: string;
  seed: number;
}

/** Each card repeats the ad's first number, as real listings do: a listing is not an ad. */
export function classifiedsListing(listing: ClassifiedsListing): string {
  const cards = listing.ads.map((ad, position) => {
    const titleHref = junkedAdHref(listing.seed, ad.path, ad.localIndex, listing.page * 64 + position);
    const moreHref = junkedAdHref(listing.seed, ad.path, ad.localIndex, listing.page * 64 + position + 32);
    const snippet = `${ad.city.name} · ${ad.paragraphs[0]} · ${ad.contacts.phones[0]?.text ?? ''}`;
    return `<article class="card">
<h2>${link(titleHref, ad.title)}</h2>
<p class="snippet">${escapeHtml(snippet)}</p>
<p>${link(moreHref, 'View ad')}</p>
</article>`;
  });
  const empty = listing.ads.length === 0 ? '<p>No ads here yet.</p>' : '';
  const featured = listing.privateHref ? `<p class="featured">${link(listing.privateHref, 'Members only: private gallery')}</p>` : '';
  const pagination = paginationNav({ page: listing.page, pages: listing.pages, href: listing.href, previousText: 'prev', nextText: 'next' });
  return page(`${listing.heading} — page ${listing.page}`, `<h1>${escapeHtml(listing.heading)}</h1>
<p class="count">Page ${listing.page} of ${listing.pages}, ${listing.total} ads</p>
<section class="cards">
${cards.join('\n')}${empty}
</section>
${featured}
${pagination}`, listing.canonicalPath);
}

export function classifiedsAdPage(ad: ClassifiedsAd, backHref: string): string {
  const { contacts } = ad;
  const actions: string[] = [];
  if (contacts.call) actions.push(`<li>${link(`tel:${contacts.call.e164}`, 'Call')}</li>`);
  if (contacts.sms) actions.push(`<li>${link(`sms:${contacts.sms.e164}`, 'Text')}</li>`);
  if (contacts.whatsapp) actions.push(`<li>${link(`https://wa.me/${contacts.whatsapp.e164.slice(1)}`, 'WhatsApp')}</li>`);
  for (const email of contacts.emails) if (email !== contacts.disguisedEmail?.address) actions.push(`<li>${link(`mailto:${email}`, 'Email')}</li>`);
  const paragraphs = ad.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n');
  return page(ad.title, `<article class="ad" id="ad-${ad.id}">
<h1>${escapeHtml(ad.title)}</h1>
<p class="location">Location: ${escapeHtml(locationLine(ad.city))}</p>
<p class="posted">Posted: <time datetime="${ad.postedAt}">${humanDate(ad.postedAt)}</time></p>
<div class="ad-body">
${paragraphs}
</div>
<ul class="contact-links">
${actions.join('\n')}
</ul>
</article>
<p>${link(`/city/${ad.city.slug}?page=1`, `More ads in ${ad.city.name}`)} · ${link(backHref, 'Back to the ads')}</p>`, ad.path);
}

export function classifiedsPrivateArchive(ads: ClassifiedsAd[]): string {
  const items = ads.map((ad) => `<li>${link(ad.path, ad.title)}</li>`).join('\n');
  return page('VIP archive', `<h1>VIP archive</h1>
<p>Members only.</p>
<ul>
${items}
</ul>`, '/private/archive');
}
