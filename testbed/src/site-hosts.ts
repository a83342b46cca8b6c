import { recruitmentLanguages } from './recruitment-languages.js';

export const classifiedsHost = 'velvet-nights.test';
export const recruitmentHost = 'abroad-jobs.test';
/** Listings and ads load from JSON: a plain HTTP crawler sees only the app shell. */
export const spaHost = 'night-scroll.test';
/** Server-rendered, but every contact is written inside a picture. */
export const imageAdsHost = 'picture-board.test';
/** Ads that attack whoever displays them (hostile-ads-site.ts): served, but no seed and in no truth. */
export const hostileAdsHost = 'hostile-board.test';

/** What a crawler needs, beyond plain HTTP and text extraction, to find a site's contacts. */
export type FindingRequirement = 'browser' | 'ocr' | null;

/** A site of the testbed, as the CLI and tests see it. */
export interface TestbedSite {
  host: string;
  kind: 'classifieds' | 'recruitment' | 'single-page-app' | 'image-ads' | 'hostile-ads';
  seedUrl: string;
  language: string[];
  /** null: plain HTTP and the text of the page are enough. */
  requires: FindingRequirement;
}

export const testbedSites: readonly TestbedSite[] = [
  { host: classifiedsHost, kind: 'classifieds', seedUrl: `http://${classifiedsHost}/`, language: ['en'], requires: null },
  { host: recruitmentHost, kind: 'recruitment', seedUrl: `http://${recruitmentHost}/`, language: [...recruitmentLanguages], requires: null },
  { host: spaHost, kind: 'single-page-app', seedUrl: `http://${spaHost}/`, language: ['en'], requires: 'browser' },
  { host: imageAdsHost, kind: 'image-ads', seedUrl: `http://${imageAdsHost}/`, language: ['en'], requires: 'ocr' },
];

/** Fresh copies, so a caller that edits its list cannot change the testbed's. */
export function siteList(): TestbedSite[] {
  return testbedSites.map((site) => ({ ...site, language: [...site.language] }));
}

export function siteOf(host: string): TestbedSite {
  const site = testbedSites.find((candidate) => candidate.host === host);
  if (site === undefined) throw new RangeError(`no testbed site ${host}`);
  return site;
}
