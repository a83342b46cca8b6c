import type { PageFeatures } from './page-features.js';

export type PageKind = 'ad' | 'listing' | 'other';

export interface PageClassification {
  kind: PageKind;
  /** Ad evidence minus listing evidence; an ad needs at least `adThreshold`. */
  score: number;
  reasons: string[];
}

const adThreshold = 1;

/**
 * Generic ad detection, for sites nobody configured. An ad is one dominant block of content that
 * carries contact details; a listing repeats cards of other items, pages through them, and spreads
 * contact details over the cards. A page with contacts spread over many cards is a listing even if
 * it shows phone numbers, so its ads are only taken from their own pages.
 */
export function classifyPage(features: PageFeatures): PageClassification {
  const reasons: string[] = [];
  let adEvidence = 0;
  let listingEvidence = 0;
  const ad = (points: number, reason: string): void => {
    adEvidence += points;
    reasons.push(`+${points} ad: ${reason}`);
  };
  const listing = (points: number, reason: string): void => {
    listingEvidence += points;
    reasons.push(`+${points} listing: ${reason}`);
  };

  if (features.mainContacts > 0) ad(2, `${features.mainContacts} contact detail(s) in the main block`);
  if (features.urlIsItem) ad(1, 'URL names one item (id or slug)');
  if (features.ownShapeAmongSiblings) ad(1, 'links to sibling pages of its own URL shape');
  if (features.mainWeight >= 150) ad(1, `main block has ${Math.round(features.mainWeight)} chars of content`);

  if (features.cardCount >= 6) listing(2, `${features.cardCount} repeated cards linking to items`);
  else if (features.cardCount >= 3) listing(1, `${features.cardCount} repeated cards linking to items`);
  if (features.cardCount >= 3 && features.cardTextShare >= 0.5) listing(1, `cards hold ${Math.round(features.cardTextShare * 100)}% of the content`);
  if (features.cardsWithContacts >= 2) listing(2, `contact details spread over ${features.cardsWithContacts} cards`);
  if (features.siblingItemLinks >= 8) listing(1, `${features.siblingItemLinks} links to items of one URL shape`);
  if (features.pagination) listing(1, 'pagination');
  if (features.urlIsPagination) listing(1, 'URL is a page of a list');
  if (features.mainLinksToItem) listing(1, 'main block links on to an item page (a teaser)');
  if (features.mainDistinctContacts >= 4) listing(features.siblingItemLinks >= 5 ? 2 : 1, `${features.mainDistinctContacts} distinct contacts in the main block`);

  const score = adEvidence - listingEvidence;
  let kind: PageKind;
  if (features.mainContacts > 0 && score >= adThreshold) kind = 'ad';
  else if (listingEvidence >= 2) kind = 'listing';
  else kind = 'other';
  if (kind !== 'ad' && features.mainContacts === 0) reasons.push('no contact details in the main block');
  reasons.push(`score ${score} (ad ${adEvidence} - listing ${listingEvidence}) → ${kind}`);
  return { kind, score, reasons };
}
