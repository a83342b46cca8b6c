import type { AdVisibility, ClassifiedsAd, ImageAd, RecruitmentAd, SpaAd, TestbedAd } from './ad-model.js';
import { classifiedsCities, cityIndexOf } from './classifieds-cities.js';
import { classifiedsPlacement, generateClassifiedsAd } from './classifieds-ad.js';
import { buildOperators, operatorCountFor, type Operator } from './operators.js';
import { randomStreams, SeededRandom } from './random.js';
import { generateSpaAd } from './spa-ad.js';
import { generateImageAd } from './image-ad.js';
import { generateRecruitmentAd } from './recruitment-ad.js';
import { recruitmentLanguages, type RecruitmentLanguage } from './recruitment-languages.js';

export const cardsPerPage = 20;

/** Of every ten ads (by global number): places 0-4 classifieds, 5-7 recruitment, 8 the app, 9 the image site. */
const round = 10;
const siteShares = { classifieds: 5, recruitment: 3, spa: 1, image: 1 } as const;
type LayoutSite = keyof typeof siteShares;
const firstPlace: Record<LayoutSite, number> = { classifieds: 0, recruitment: 5, spa: 8, image: 9 };

/** Ads a site holds when `adCount` ads are dealt round by round. */
function shareOf(site: LayoutSite, adCount: number): number {
  const rest = adCount % round;
  return Math.floor(adCount / round) * siteShares[site] + Math.min(siteShares[site], Math.max(0, rest - firstPlace[site]));
}

/**
 * Where every ad lives, from (seed, ad count) alone. Ads are numbered globally; of every ten, five
 * go to the classifieds site, three to the recruitment board, one to the single-page app and one
 * to the image-ad site, so both directions of that mapping are O(1) and any ad can be generated on
 * its own. Job ads take their language from their position
 * (round robin), so a language listing is O(1) too. Only the classifieds city listings need an
 * index, built once from the cheap first draws of each ad.
 */
export class TestbedLayout {
  readonly operators: Operator[];
  readonly classifiedsCount: number;
  readonly recruitmentCount: number;
  readonly spaCount: number;
  readonly imageCount: number;
  readonly privateClassifiedsCount: number;
  readonly privateRecruitmentCount: number;
  /** Per classifieds city (same order as classifiedsCities): local indices of its public ads, ascending. */
  readonly cityAds: Int32Array[];

  constructor(
    readonly seed: number,
    readonly adCount: number,
  ) {
    this.operators = buildOperators(seed, operatorCountFor(adCount));
    this.classifiedsCount = shareOf('classifieds', adCount);
    this.recruitmentCount = shareOf('recruitment', adCount);
    this.spaCount = shareOf('spa', adCount);
    this.imageCount = shareOf('image', adCount);
    const privateCount = Math.max(2, Math.ceil(adCount / 100));
    this.privateClassifiedsCount = Math.ceil(privateCount / 2);
    this.privateRecruitmentCount = Math.floor(privateCount / 2);
    this.cityAds = this.indexCities();
  }

  classifiedsAd(localIndex: number, visibility: AdVisibility = 'public'): ClassifiedsAd {
    return generateClassifiedsAd(this.randomFor('classifieds', localIndex, visibility), this.operators, localIndex, visibility);
  }

  recruitmentAd(localIndex: number, visibility: AdVisibility = 'public'): RecruitmentAd {
    const language = recruitmentLanguages[localIndex % recruitmentLanguages.length]!;
    return generateRecruitmentAd(this.randomFor('recruitment', localIndex, visibility), this.operators, localIndex, visibility, language);
  }

  spaAd(localIndex: number): SpaAd {
    return generateSpaAd(this.randomFor('spa', localIndex, 'public'), this.operators, localIndex, this.seed);
  }

  imageAd(localIndex: number): ImageAd {
    return generateImageAd(this.randomFor('image', localIndex, 'public'), this.operators, localIndex, this.seed);
  }

  /** The ad with this global number (0 ≤ index < adCount). */
  adAt(index: number): TestbedAd {
    const rounds = Math.floor(index / round);
    const place = index % round;
    if (place < firstPlace.recruitment) return this.classifiedsAd(rounds * siteShares.classifieds + place);
    if (place < firstPlace.spa) return this.recruitmentAd(rounds * siteShares.recruitment + place - firstPlace.recruitment);
    if (place < firstPlace.image) return this.spaAd(rounds);
    return this.imageAd(rounds);
  }

  /** Number of public job ads in one language. */
  languageCount(language: RecruitmentLanguage): number {
    const offset = recruitmentLanguages.indexOf(language);
    const languages = recruitmentLanguages.length;
    return Math.max(0, Math.floor((this.recruitmentCount - offset + languages - 1) / languages));
  }

  /** Local index of the rank-th job ad of a language. */
  recruitmentIndexInLanguage(language: RecruitmentLanguage, rank: number): number {
    return rank * recruitmentLanguages.length + recruitmentLanguages.indexOf(language);
  }

  private randomFor(site: LayoutSite, localIndex: number, visibility: AdVisibility): SeededRandom {
    if (visibility === 'robots-blocked') {
      const privateIndex = site === 'classifieds' ? localIndex * 2 : localIndex * 2 + 1;
      return SeededRandom.for(this.seed, randomStreams.privateAd, privateIndex);
    }
    const share = siteShares[site];
    const globalIndex = Math.floor(localIndex / share) * round + firstPlace[site] + (localIndex % share);
    return SeededRandom.for(this.seed, randomStreams.publicAd, globalIndex);
  }

  private indexCities(): Int32Array[] {
    const cityOf = new Int32Array(this.classifiedsCount);
    const counts = new Int32Array(classifiedsCities.length);
    for (let local = 0; local < this.classifiedsCount; local++) {
      const city = cityIndexOf(classifiedsPlacement(this.randomFor('classifieds', local, 'public'), this.operators).city.slug);
      cityOf[local] = city;
      counts[city]!++;
    }
    const lists = Array.from(counts, (count) => new Int32Array(count));
    const filled = new Int32Array(classifiedsCities.length);
    for (let local = 0; local < this.classifiedsCount; local++) {
      const city = cityOf[local]!;
      lists[city]![filled[city]!++] = local;
    }
    return lists;
  }
}

/** Pages a listing of `count` items takes; an empty listing still has its first page. */
export function listingPages(count: number): number {
  return Math.max(1, Math.ceil(count / cardsPerPage));
}
