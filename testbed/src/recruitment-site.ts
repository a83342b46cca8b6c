import type { RecruitmentAd } from './ad-model.js';
import type { SiteContext } from './common-routes.js';
import { pageNumber } from './pagination.js';
import { languageListingHref, recruitmentAbout, recruitmentAdPage, recruitmentHome, recruitmentListing, recruitmentName, recruitmentPrivateArchive, recruitmentTerms } from './recruitment-pages.js';
import { isRecruitmentLanguage, recruitmentLanguages, type RecruitmentLanguage } from './recruitment-languages.js';
import { recruitmentHost, testbedSites, type TestbedSite } from './site-hosts.js';
import { htmlResponse, type SiteRequest, type SiteResponse } from './site-response.js';
import { cardsPerPage, listingPages, type TestbedLayout } from './testbed-layout.js';
import type { VirtualSite } from './virtual-site.js';

const jobPath = /^\/jobs\/(\d{1,9})-([a-z-]+)$/;
const privateJobPath = /^\/private\/jobs\/(\d{1,9})-([a-z-]+)$/;

/** Routes of abroad-jobs.test. */
export class RecruitmentSite implements VirtualSite {
  readonly info: TestbedSite = testbedSites.find((site) => site.host === recruitmentHost)!;
  readonly context: SiteContext;

  constructor(private readonly layout: TestbedLayout) {
    this.context = {
      siteName: recruitmentName,
      listingHref: languageListingHref('en', 1, 0),
      goTarget: (id) => (id >= 1 && id <= layout.recruitmentCount ? `http://${recruitmentHost}${layout.recruitmentAd(id - 1).path}` : undefined),
    };
  }

  private get firstAdHref(): string | undefined {
    return this.layout.recruitmentCount > 0 ? '/go/1' : undefined;
  }

  respond(request: SiteRequest): SiteResponse | undefined {
    const { pathname, query } = request;
    switch (pathname) {
      case '/':
        return htmlResponse(recruitmentHome({ counts: this.languageCounts(), firstAdHref: this.firstAdHref }));
      case '/about':
        return htmlResponse(recruitmentAbout(this.firstAdHref));
      case '/terms':
        return htmlResponse(recruitmentTerms());
      case '/jobs':
        return this.listing(query);
      case '/private/archive':
        return htmlResponse(recruitmentPrivateArchive(this.privateAds()));
    }
    const job = jobPath.exec(pathname);
    if (job) return this.adPage(Number(job[1]), job[2]!);
    const privateJob = privateJobPath.exec(pathname);
    if (privateJob) return this.privateAdPage(Number(privateJob[1]), privateJob[2]!);
    return undefined;
  }

  private languageCounts(): Record<RecruitmentLanguage, number> {
    return Object.fromEntries(recruitmentLanguages.map((language) => [language, this.layout.languageCount(language)])) as Record<RecruitmentLanguage, number>;
  }

  private listing(query: URLSearchParams): SiteResponse | undefined {
    const language = query.get('lang');
    if (language === null || !isRecruitmentLanguage(language)) return undefined;
    const total = this.layout.languageCount(language);
    const pages = listingPages(total);
    const page = pageNumber(query, pages);
    if (page === undefined) return undefined;
    const ads: RecruitmentAd[] = [];
    for (let rank = (page - 1) * cardsPerPage; rank < Math.min(total, page * cardsPerPage); rank++) {
      ads.push(this.layout.recruitmentAd(this.layout.recruitmentIndexInLanguage(language, rank)));
    }
    const privateIndex = recruitmentLanguages.indexOf(language) + (page - 1) * recruitmentLanguages.length;
    const privateHref = privateIndex < this.layout.privateRecruitmentCount ? this.layout.recruitmentAd(privateIndex, 'robots-blocked').path : undefined;
    return htmlResponse(recruitmentListing({ language, page, pages, total, ads, privateHref, seed: this.layout.seed }));
  }

  private adPage(id: number, slug: string): SiteResponse | undefined {
    if (id < 1 || id > this.layout.recruitmentCount) return undefined;
    const ad = this.layout.recruitmentAd(id - 1);
    if (ad.slug !== slug) return undefined;
    const rank = Math.floor(ad.localIndex / recruitmentLanguages.length);
    return htmlResponse(recruitmentAdPage(ad, languageListingHref(ad.language, Math.floor(rank / cardsPerPage) + 1, 0)));
  }

  private privateAdPage(id: number, slug: string): SiteResponse | undefined {
    if (id < 1 || id > this.layout.privateRecruitmentCount) return undefined;
    const ad = this.layout.recruitmentAd(id - 1, 'robots-blocked');
    return ad.slug === slug ? htmlResponse(recruitmentAdPage(ad, '/private/archive')) : undefined;
  }

  private privateAds(): RecruitmentAd[] {
    return Array.from({ length: this.layout.privateRecruitmentCount }, (_, local) => this.layout.recruitmentAd(local, 'robots-blocked'));
  }
}

/** Listing pages of the recruitment board: one paginated listing per language. */
export function recruitmentListingPageCount(layout: TestbedLayout): number {
  return recruitmentLanguages.reduce((sum, language) => sum + listingPages(layout.languageCount(language)), 0);
}
