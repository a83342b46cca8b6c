import type { RecruitmentAd } from './ad-model.js';
import { trapLinks } from './common-routes.js';
import { escapeHtml, link, renderPage } from './html.js';
import { localizedDate } from './human-date.js';
import { junkedAdHref } from './link-junk.js';
import { cryptoTicker } from './obfuscation/crypto-addresses.js';
import { paginationNav } from './pagination.js';
import { recruitmentPhrases } from './recruitment-phrases.js';
import { languageNames, recruitmentLanguages, type RecruitmentLanguage } from './recruitment-languages.js';
import { recruitmentHost } from './site-hosts.js';

/** HTML of the recruitment board (abroad-jobs.test): job offers abroad in five languages. */

export const recruitmentName = 'Abroad Jobs';
export const recruitmentNotFoundHref = '/jobs/0-expired-offer';

/** Listing URLs are written with their parameters in either order; canonicalisation makes them one. */
export function languageListingHref(language: RecruitmentLanguage, page: number, position: number): string {
  return (page + position) % 2 === 0 ? `/jobs?lang=${language}&page=${page}` : `/jobs?page=${page}&lang=${language}`;
}

const nav = recruitmentLanguages.map((language) => link(languageListingHref(language, 1, 0), languageNames[language], `hreflang="${language}"`)).join(' ');
const footer = `${link('/about', 'About')} · ${link('/terms', 'Terms')} · © ${recruitmentName}`;

function page(lang: string, title: string, main: string, canonicalPath?: string): string {
  return renderPage({
    lang, title, siteName: recruitmentName, nav, footer, main,
    canonical: canonicalPath === undefined ? undefined : `http://${recruitmentHost}${canonicalPath}`,
  });
}

function resourceLinks(firstAdHref: string | undefined): string {
  const items = trapLinks.map((trap) => `<li>${link(trap.href, trap.text)}</li>`);
  items.push(`<li>${link(recruitmentNotFoundHref, 'Last year\'s offers')}</li>`);
  if (firstAdHref !== undefined) items.push(`<li>${link(firstAdHref, 'Offer of the week')}</li>`);
  return `<ul class="resources">\n${items.join('\n')}\n</ul>`;
}

export function recruitmentHome(options: { counts: Record<RecruitmentLanguage, number>; firstAdHref: string | undefined }): string {
  const languages = recruitmentLanguages
    .map((language, position) => `<li>${link(languageListingHref(language, 1, position), languageNames[language], `hreflang="${language}"`)} (${options.counts[language]})</li>`)
    .join('\n');
  return page('en', 'Jobs abroad', `<h1>${recruitmentName}</h1>
<p>Work abroad: hostess, waitress, au pair, model, dancer, factory and hotel jobs. Travel and housing arranged.</p>
<p><img src="/img/banner.png" alt="${recruitmentName}" width="96" height="24"></p>
<h2>Offers by language</h2>
<ul class="languages">
${languages}
</ul>
<h2>More</h2>
<ul><li>${link('/private/archive', 'Partner archive (partners only)')}</li></ul>
${resourceLinks(options.firstAdHref)}`, '/');
}

export function recruitmentAbout(firstAdHref: string | undefined): string {
  return page('en', 'About us', `<h1>About ${recruitmentName}</h1>
<p>${recruitmentName} publishes job offers from agencies abroad. Agencies are responsible for their offers.</p>
${resourceLinks(firstAdHref)}`, '/about');
}

export function recruitmentTerms(): string {
  return page('en', 'Terms', `<h1>Terms</h1>
<p>Offers are published as received. Never pay a fee to apply for a job.</p>`, '/terms');
}

export interface RecruitmentListing {
  language: RecruitmentLanguage;
  page: number;
  pages: number;
  total: number;
  ads: RecruitmentAd[];
  privateHref?: string;
  seed: number;
}

export function recruitmentListing(listing: RecruitmentListing): string {
  const phrases = recruitmentPhrases[listing.language];
  const cards = listing.ads.map((ad, position) => {
    const names = ad.destination.names[ad.language];
    return `<article class="offer">
<h2>${link(junkedAdHref(listing.seed, ad.path, ad.localIndex, listing.page * 64 + position), ad.title)}</h2>
<p>${escapeHtml(`${names.city}, ${names.country} · ${ad.paragraphs[1] ?? ''}`)}</p>
</article>`;
  });
  const empty = listing.ads.length === 0 ? '<p>—</p>' : '';
  const featured = listing.privateHref ? `<p class="featured">${link(listing.privateHref, 'VIP')}</p>` : '';
  const pagination = paginationNav({
    page: listing.page, pages: listing.pages, previousText: phrases.previous, nextText: phrases.next,
    href: (number, position) => languageListingHref(listing.language, number, position),
  });
  return page(listing.language, `${phrases.listingHeading} — ${listing.page}`, `<h1>${escapeHtml(phrases.listingHeading)}</h1>
<p class="count">${listing.page} / ${listing.pages}</p>
<section class="offers">
${cards.join('\n')}${empty}
</section>
${featured}
${pagination}`, `/jobs?lang=${listing.language}&page=${listing.page}`);
}

export function recruitmentAdPage(ad: RecruitmentAd, backHref: string): string {
  const phrases = recruitmentPhrases[ad.language];
  const names = ad.destination.names[ad.language];
  const { contacts } = ad;
  const items: string[] = contacts.phones.map((written) => `<li>${escapeHtml(`${phrases.phone}: ${written.text}`)}</li>`);
  if (contacts.whatsapp) {
    const text = contacts.phones.length > 0 ? 'WhatsApp' : phrases.whatsappOnly;
    items.push(`<li>${link(`https://wa.me/${contacts.whatsapp.e164.slice(1)}`, text)}</li>`);
  }
  for (const email of contacts.emails) {
    const disguised = contacts.disguisedEmail?.address === email ? contacts.disguisedEmail.text : undefined;
    items.push(disguised === undefined ? `<li>Email: ${link(`mailto:${email}`, email)}</li>` : `<li>Email: ${escapeHtml(disguised)}</li>`);
  }
  for (const handle of contacts.handles) {
    if (handle.platform === 'telegram') {
      items.push(handle.form === 'text' ? `<li>Telegram: @${escapeHtml(handle.value)}</li>` : `<li>${link(`https://t.me/${handle.value}`, `t.me/${handle.value}`)}</li>`);
    } else if (handle.platform === 'instagram') {
      items.push(`<li>${link(`https://instagram.com/${handle.value}`, `instagram.com/${handle.value}`)}</li>`);
    } else {
      items.push(`<li>Snap: ${escapeHtml(handle.value)}</li>`);
    }
  }
  if (contacts.wallet) items.push(`<li>${cryptoTicker[contacts.wallet.chain]}: ${escapeHtml(contacts.wallet.written)}</li>`);
  if (contacts.website) items.push(`<li>Web: ${escapeHtml(contacts.website.written)}</li>`);
  const paragraphs = ad.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n');
  return page(ad.htmlLang, ad.title, `<article class="job" id="job-${ad.id}">
<h1>${escapeHtml(ad.title)}</h1>
<p class="destination">${escapeHtml(`${phrases.destination}: ${names.city}, ${names.country}`)}</p>
<p class="posted">${escapeHtml(phrases.posted)}: <time datetime="${ad.postedAt}">${localizedDate(ad.postedAt, ad.language)}</time></p>
<div class="job-body">
${paragraphs}
</div>
<h2>${escapeHtml(phrases.contact)}</h2>
<ul class="contacts">
${items.join('\n')}
</ul>
</article>
<p>${link(backHref, phrases.backToListing)}</p>`, ad.path);
}

export function recruitmentPrivateArchive(ads: RecruitmentAd[]): string {
  const items = ads.map((ad) => `<li>${link(ad.path, ad.title)}</li>`).join('\n');
  return page('en', 'Partner archive', `<h1>Partner archive</h1>
<ul>
${items}
</ul>`, '/private/archive');
}
