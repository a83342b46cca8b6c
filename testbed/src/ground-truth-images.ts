import type { TestbedAd } from './ad-model.js';
import { contentTypeOf, type AdPicture } from './ad-pictures.js';

/** A picture on an ad page, as the truth describes it (its sha256 comes from imageAdTruth, which renders it). */
export interface TruthImage {
  url: string;
  /** Names the bytes: the same key on two ads (or two sites) is the same file. */
  key: string;
  contentType: string;
  width: number;
  height: number;
  /** False for photo-like pictures with no writing: an OCR pre-filter should skip them. */
  hasText: boolean;
  /** The lines written in it, as drawn. */
  text: string[];
  /** E.164. */
  phones: string[];
  /** Lowercased. */
  emails: string[];
  /** Value lowercased, no '@'. */
  handles: Array<{ platform: string; value: string }>;
}

/** A picture shown on more than one ad. */
export interface ReusedImage {
  key: string;
  /** Every URL it is served at (one per site that shows it). */
  imageUrls: string[];
  /** Canonical URLs of the ads that show it, on any site. */
  ads: string[];
}

export function picturesOf(ad: TestbedAd): AdPicture[] {
  return ad.kind === 'spa' || ad.kind === 'image' ? ad.pictures : [];
}

export function truthImageOf(picture: AdPicture): TruthImage {
  const { recipe } = picture;
  return {
    url: picture.url,
    key: picture.key,
    contentType: contentTypeOf(recipe.format),
    width: recipe.width,
    height: recipe.height,
    hasText: recipe.kind === 'text',
    text: recipe.kind === 'text' ? recipe.lines.map((line) => line.text) : [],
    phones: picture.phones.map((phone) => phone.e164),
    emails: picture.emails.map((email) => email.toLowerCase()),
    handles: picture.handles.map((handle) => ({ platform: handle.platform, value: handle.value.toLowerCase() })),
  };
}

/** Collects, ad by ad, the pictures seen on more than one ad. */
export class ReusedImageIndex {
  private readonly byKey = new Map<string, { imageUrls: Set<string>; ads: Set<string> }>();

  add(adUrl: string, images: readonly TruthImage[]): void {
    for (const image of images) {
      let entry = this.byKey.get(image.key);
      if (entry === undefined) {
        entry = { imageUrls: new Set(), ads: new Set() };
        this.byKey.set(image.key, entry);
      }
      entry.imageUrls.add(image.url);
      entry.ads.add(adUrl);
    }
  }

  reused(): ReusedImage[] {
    const reused: ReusedImage[] = [];
    for (const [key, entry] of this.byKey) if (entry.ads.size > 1) reused.push({ key, imageUrls: [...entry.imageUrls], ads: [...entry.ads] });
    return reused;
  }
}
