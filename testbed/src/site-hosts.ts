import { recruitmentLanguages } from './recruitment-languages.js';

export const classifiedsHost = 'velvet-nights.test';
export const recruitmentHost = 'abroad-jobs.test';

/** A site of the testbed, as the CLI and tests see it. */
export interface TestbedSite {
  host: string;
  kind: 'classifieds' | 'recruitment';
  seedUrl: string;
  language: string[];
}

export const testbedSites: readonly TestbedSite[] = [
  { host: classifiedsHost, kind: 'classifieds', seedUrl: `http://${classifiedsHost}/`, language: ['en'] },
  { host: recruitmentHost, kind: 'recruitment', seedUrl: `http://${recruitmentHost}/`, language: [...recruitmentLanguages] },
];

/** Fresh copies, so a caller that edits its list cannot change the testbed's. */
export function siteList(): TestbedSite[] {
  return testbedSites.map((site) => ({ ...site, language: [...site.language] }));
}
