import { cryptoOf, disguisesOf, domainsOf, emailsOf, handlesOf, phonesOf, urlsOf, type DisguisedIndicator, type Price, type TestbedAd } from './ad-model.js';
import { pageInventory, type SitePages } from './page-inventory.js';
import { siteList, type TestbedSite } from './site-hosts.js';
import { resolveContentOptions, type ContentOptions } from './testbed-options.js';
import { TestbedLayout } from './testbed-layout.js';

export interface GroundTruthAd {
  /** Canonical: no fragment, no tracking or session parameters. */
  url: string;
  site: string;
  title: string;
  cluster: string;
  language: string;
  /** ISO 3166-1 alpha-2 country the page names (the location, or the job's destination). */
  country: string;
  city: string;
  price: Price;
  age: number;
  postedAt: string;
  /** E.164, every number on the page (text, tel:, sms: and wa.me links). */
  phones: string[];
  /** Lowercased. */
  emails: string[];
  /** Value lowercased, no '@'. WhatsApp numbers are in `phones`, not here. */
  handles: Array<{ platform: string; value: string }>;
  /** Wallet addresses written in the text (bech32 and ethereum lowercased). */
  crypto: Array<{ chain: string; value: string }>;
  /** Canonical URLs of web addresses written in the text (not links). */
  urls: string[];
  /** Registrable domains of those web addresses (the site's own host is not one). */
  domains: string[];
  /** Phones and emails the page writes only in a disguise, with its style id (see labelledCorpus). */
  disguised: DisguisedIndicator[];
}

export interface GroundTruth {
  seed: number;
  adCount: number;
  sites: TestbedSite[];
  ads: GroundTruthAd[];
  /** Total crawlable in-scope URLs a full crawl that honours robots.txt fetches (see pagesBySite). */
  pages: number;
  pagesBySite: Record<string, SitePages>;
  /** Ads under /private/ (Disallow in robots.txt): linked, but not in `ads`. */
  robotsBlocked: number;
  robotsBlockedUrls: string[];
  /** Number of operators (clusters). */
  clusters: number;
}

/** What a perfect crawl and extraction of the testbed finds, for the same seed and ad count. */
export function groundTruth(options: ContentOptions = {}): GroundTruth {
  const { seed, ads: adCount } = resolveContentOptions(options);
  const layout = new TestbedLayout(seed, adCount);
  const ads: GroundTruthAd[] = new Array(adCount);
  for (let index = 0; index < adCount; index++) ads[index] = truthOf(layout.adAt(index));
  const robotsBlockedUrls = [
    ...Array.from({ length: layout.privateClassifiedsCount }, (_, local) => layout.classifiedsAd(local, 'robots-blocked').url),
    ...Array.from({ length: layout.privateRecruitmentCount }, (_, local) => layout.recruitmentAd(local, 'robots-blocked').url),
  ];
  const pagesBySite = pageInventory(layout);
  return {
    seed,
    adCount,
    sites: siteList(),
    ads,
    pages: Object.values(pagesBySite).reduce((sum, site) => sum + site.total, 0),
    pagesBySite,
    robotsBlocked: robotsBlockedUrls.length,
    robotsBlockedUrls,
    clusters: layout.operators.length,
  };
}

function truthOf(ad: TestbedAd): GroundTruthAd {
  return {
    url: ad.url,
    site: ad.host,
    title: ad.title,
    cluster: ad.operator.cluster,
    language: ad.language,
    country: ad.country,
    city: ad.kind === 'classifieds' ? ad.city.name : ad.destination.names.en.city,
    price: ad.price,
    age: ad.age,
    postedAt: ad.postedAt,
    phones: phonesOf(ad),
    emails: emailsOf(ad),
    handles: handlesOf(ad),
    crypto: cryptoOf(ad),
    urls: urlsOf(ad),
    domains: domainsOf(ad),
    disguised: disguisesOf(ad),
  };
}
