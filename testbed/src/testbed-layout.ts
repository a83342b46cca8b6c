import type { AdVisibility, ClassifiedsAd, RecruitmentAd, TestbedAd } from './ad-model.js';
import { classifiedsCities, cityIndexOf } from './classifieds-cities.js';
import { classifiedsPlacement, generateClassifiedsAd } from './classifieds-ad.js';
import { buildOperators, operatorCountFor, type Operator } from './operators.js';
import { randomStreams, SeededRandom } from './random.js';
import { generateRecruitmentAd } from './recruitment-ad.js';
import { recruitmentLanguages, type RecruitmentLanguage } from './recruitment-languages.js';

export const cardsPerPage = 20;

/**
 * Where every ad lives, from (seed, ad count) alone. Ads are numbered globally; of every five, three
 * go to the classifieds site and two to the recruitment board, so both directions of that mapping
 * are O(1) and any ad can be generated on its own. Job ads take their language from their position
 * (round robin), so a language listing is O(1) too. Only the classifieds city listings need an
 * index, built once from the cheap first draws of each ad.
 */
export class TestbedLayout {
  readonly operators: Operator[];
  readonly classifiedsCount: number;
  readonly recruitmentCount: number;
  readonly privateClassifiedsCount: number;
  readonly privateRecruitmentCount: number;
  /** Per classifieds city (same order as classifiedsCities): local indices of its public ads, ascending. */
  readonly cityAds: Int32Array[];

  constructor(
    readonly seed: number,
    readonly adCount: number,
  ) {
    this.operators = buildOperators(seed, operatorCountFor(adCount));
    this.classifiedsCount = Math.floor(adCount / 5) * 3 + Math.min(adCount % 5, 3);
    this.recruitmentCount = adCount - this.classifiedsCount;
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

  /** The ad with this global number (0 ≤ index < adCount). */
  adAt(index: number): TestbedAd {
    const round = Math.floor(index / 5);
    const place = index % 5;
    return place < 3 ? this.classifiedsAd(round * 3 + place) : this.recruitmentAd(round * 2 + place - 3);
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

  private randomFor(site: 'classifieds' | 'recruitment', localIndex: number, visibility: AdVisibility): SeededRandom {
    if (visibility === 'robots-blocked') {
      const privateIndex = site === 'classifieds' ? localIndex * 2 : localIndex * 2 + 1;
      return SeededRandom.for(this.seed, randomStreams.privateAd, privateIndex);
    }
    const globalIndex = site === 'classifieds'
      ? Math.floor(localIndex / 3) * 5 + (localIndex % 3)
      : Math.floor(localIndex / 2) * 5 + 3 + (localIndex % 2);
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
