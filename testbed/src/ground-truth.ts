import { cryptoOf, disguisesOf, domainsOf, emailsOf, handlesOf, phonesOf, urlsOf, type DisguisedIndicator, type Price, type TestbedAd } from './ad-model.js';
import { picturesOf, ReusedImageIndex, truthImageOf, type ReusedImage, type TruthImage } from './ground-truth-images.js';
import { pageInventory, type SitePages } from './page-inventory.js';
import { siteList, siteOf, type FindingRequirement, type TestbedSite } from './site-hosts.js';
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
  /**
   * What finding this ad's contacts takes beyond plain HTTP and page text: 'browser' (the ad and its
   * links exist only once scripts run) or 'ocr' (its contacts are only in pictures).
   */
  requires: FindingRequirement;
  /** E.164, every number on the page (text, tel:, sms: and wa.me links) and in its pictures. */
  phones: string[];
  /** The phones of `phones` written only inside pictures: what OCR alone can find (the OCR recall figure). */
  imageOnlyPhones: string[];
  /** Pictures the ad page shows, in page order (photos and contact pictures). */
  images: TruthImage[];
  /** Lowercased; in the text, links or pictures. */
  emails: string[];
  /** Value lowercased, no '@'; in the text, links or pictures. WhatsApp numbers are in `phones`, not here. */
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
  /**
   * Total crawlable in-scope URLs a full plain-HTTP crawl that honours robots.txt fetches (see
   * pagesBySite). Pictures, scripts and API calls are not pages.
   */
  pages: number;
  /** `pages` plus the pages only script-rendered links lead to: what a browser crawl fetches. */
  browserPages: number;
  pagesBySite: Record<string, SitePages>;
  /** Ads under /private/ (Disallow in robots.txt): linked, but not in `ads`. */
  robotsBlocked: number;
  robotsBlockedUrls: string[];
  /** Number of operators (clusters). */
  clusters: number;
  /** Pictures shown on more than one ad, within a site and across sites (for image search). */
  reusedImages: ReusedImage[];
}

/** What a perfect crawl and extraction of the testbed finds, for the same seed and ad count. */
export function groundTruth(options: ContentOptions = {}): GroundTruth {
  const { seed, ads: adCount } = resolveContentOptions(options);
  const layout = new TestbedLayout(seed, adCount);
  const ads: GroundTruthAd[] = new Array(adCount);
  const reuse = new ReusedImageIndex();
  for (let index = 0; index < adCount; index++) {
    const ad = truthOf(layout.adAt(index));
    reuse.add(ad.url, ad.images);
    ads[index] = ad;
  }
  const robotsBlockedUrls = [
    ...Array.from({ length: layout.privateClassifiedsCount }, (_, local) => layout.classifiedsAd(local, 'robots-blocked').url),
    ...Array.from({ length: layout.privateRecruitmentCount }, (_, local) => layout.recruitmentAd(local, 'robots-blocked').url),
  ];
  const pagesBySite = pageInventory(layout);
  const pages = Object.values(pagesBySite).reduce((sum, site) => sum + site.total, 0);
  return {
    seed,
    adCount,
    sites: siteList(),
    ads,
    pages,
    browserPages: pages + Object.values(pagesBySite).reduce((sum, site) => sum + site.scriptLinked, 0),
    pagesBySite,
    robotsBlocked: robotsBlockedUrls.length,
    robotsBlockedUrls,
    clusters: layout.operators.length,
    reusedImages: reuse.reused(),
  };
}

function truthOf(ad: TestbedAd): GroundTruthAd {
  const images = picturesOf(ad).map(truthImageOf);
  const textPhones = phonesOf(ad);
  const imagePhones = images.flatMap((image) => image.phones);
  const unique = <T>(values: T[]) => [...new Set(values)];
  return {
    url: ad.url,
    site: ad.host,
    title: ad.title,
    cluster: ad.operator.cluster,
    language: ad.language,
    country: ad.country,
    city: ad.kind === 'recruitment' ? ad.destination.names.en.city : ad.city.name,
    price: ad.price,
    age: ad.age,
    postedAt: ad.postedAt,
    requires: siteOf(ad.host).requires,
    phones: unique([...textPhones, ...imagePhones]),
    imageOnlyPhones: unique(imagePhones.filter((phone) => !textPhones.includes(phone))),
    images,
    emails: unique([...emailsOf(ad), ...images.flatMap((image) => image.emails)]),
    handles: uniqueHandles([...handlesOf(ad), ...images.flatMap((image) => image.handles)]),
    crypto: cryptoOf(ad),
    urls: urlsOf(ad),
    domains: domainsOf(ad),
    disguised: disguisesOf(ad),
  };
}

function uniqueHandles(handles: Array<{ platform: string; value: string }>): Array<{ platform: string; value: string }> {
  const seen = new Map(handles.map((handle) => [`${handle.platform}:${handle.value}`, handle]));
  return [...seen.values()];
}
