import type { AdImage } from '@indicia/core';
import { findContactSignals } from '../contact-signals.js';
import type { PageFeatures } from '../page-features.js';

/**
 * Contact details read from a page's images count for ad detection like those in its main block:
 * an ad whose only phone number is inside a picture is still an ad. Returns the features with the
 * images' contacts added, and how many there were (for the decision's reasons).
 */
export function withImageContacts(features: PageFeatures, mainContactKeys: readonly string[], images: readonly AdImage[]): { features: PageFeatures; imageContacts: number } {
  const imageKeys = images.filter((image) => image.ocr.status === 'read').flatMap((image) => findContactSignals(image.ocr.text).map((signal) => signal.key));
  if (imageKeys.length === 0) return { features, imageContacts: 0 };
  return {
    features: {
      ...features,
      mainContacts: features.mainContacts + imageKeys.length,
      mainDistinctContacts: new Set([...mainContactKeys, ...imageKeys]).size,
    },
    imageContacts: imageKeys.length,
  };
}
