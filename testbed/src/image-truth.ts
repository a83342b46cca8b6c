import { createHash } from 'node:crypto';
import type { AdPicture } from './ad-pictures.js';
import { picturesOf, truthImageOf, type TruthImage } from './ground-truth-images.js';
import { renderPicture } from './picture-rendering.js';
import { DeferredBody } from './site-response.js';
import { resolveContentOptions, type ContentOptions } from './testbed-options.js';
import { TestbedLayout } from './testbed-layout.js';
import { VirtualHosts } from './virtual-hosts.js';

export interface RenderedTruthImage extends TruthImage {
  sha256: string;
  bytes: number;
  /** Canonical URLs of the ads that show this URL. */
  ads: string[];
}

/** The pictures of the testbed with the hashes of their bytes: what image search and the OCR bench check against. */
export interface ImageAdTruth {
  seed: number;
  adCount: number;
  /** Every picture URL an ad shows (the single-page app's and the image site's), once each. */
  images: RenderedTruthImage[];
  /** sha256 → canonical URLs of every ad showing those bytes, on any site. */
  adsBySha256: Record<string, string[]>;
  /** The entries of adsBySha256 with more than one ad: the same photo in several ads. */
  reusedBySha256: Record<string, string[]>;
  /** Each (ad, phone) written only in pictures, with the pictures holding it: the OCR recall denominator. */
  ocrPhones: Array<{ ad: string; phone: string; imageUrls: string[] }>;
}

/**
 * Renders every picture the ads show (each distinct one once; about 10-40 ms each) and hashes it.
 * Costs seconds for a few hundred ads: for tests and benches, not for groundTruth().
 */
export async function imageAdTruth(options: ContentOptions = {}): Promise<ImageAdTruth> {
  const { seed, ads: adCount } = resolveContentOptions(options);
  const layout = new TestbedLayout(seed, adCount);
  const byUrl = new Map<string, { picture: AdPicture; ads: string[] }>();
  const ocrPhones: ImageAdTruth['ocrPhones'] = [];
  const adsWithPictures = [
    ...Array.from({ length: layout.spaCount }, (_, local) => layout.spaAd(local)),
    ...Array.from({ length: layout.imageCount }, (_, local) => layout.imageAd(local)),
  ];
  for (const ad of adsWithPictures) {
    const pictures = picturesOf(ad);
    for (const picture of pictures) {
      const entry = byUrl.get(picture.url) ?? { picture, ads: [] };
      entry.ads.push(ad.url);
      byUrl.set(picture.url, entry);
    }
    if (ad.kind !== 'image') continue;
    const phones = new Set(pictures.flatMap((picture) => picture.phones.map((phone) => phone.e164)));
    for (const phone of phones) ocrPhones.push({ ad: ad.url, phone, imageUrls: pictures.filter((picture) => picture.phones.some((p) => p.e164 === phone)).map((picture) => picture.url) });
  }

  const hashes = new Map<string, { sha256: string; bytes: number }>();
  const keys = [...new Map([...byUrl.values()].map(({ picture }) => [picture.key, picture])).values()];
  let next = 0;
  // Two at a time: sharp renders on its own threads, and the machine has two cores.
  await Promise.all([0, 1].map(async () => {
    while (next < keys.length) {
      const picture = keys[next++]!;
      const bytes = await renderPicture(picture.recipe);
      hashes.set(picture.key, { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    }
  }));

  const images: RenderedTruthImage[] = [];
  const adsBySha256: Record<string, string[]> = {};
  for (const { picture, ads } of byUrl.values()) {
    const hash = hashes.get(picture.key)!;
    images.push({ ...truthImageOf(picture), ...hash, ads });
    adsBySha256[hash.sha256] = [...new Set([...(adsBySha256[hash.sha256] ?? []), ...ads])];
  }
  const reusedBySha256 = Object.fromEntries(Object.entries(adsBySha256).filter(([, ads]) => ads.length > 1));
  return { seed, adCount, images, adsBySha256, reusedBySha256, ocrPhones };
}

/** The bytes and type the testbed serves for a picture URL (any site), without starting a server. */
export async function renderTestbedImage(options: ContentOptions, url: string): Promise<{ contentType: string; body: Buffer }> {
  const { seed, ads } = resolveContentOptions(options);
  const target = new URL(url);
  const hosts = new VirtualHosts(new TestbedLayout(seed, ads));
  if (!hosts.has(target.host)) throw new RangeError(`${url} is not on a testbed site`);
  const response = hosts.respond(target.host, 'GET', `${target.pathname}${target.search}`);
  if (response.status !== 200 || !(response.body instanceof DeferredBody)) throw new RangeError(`${url} is not a testbed picture (HTTP ${response.status})`);
  return { contentType: response.headers['content-type']!, body: await response.body.produce() };
}
