import type { Element, ParentNode } from 'domhandler';
import type { CardGroup } from './card-groups.js';
import { elementChildren } from './html-document.js';
import { rangeOf, weightOf, type PageContact, type PageSurvey } from './page-survey.js';

/**
 * The block holding the page's own content. Walk down from the body while one child holds most of
 * the content text (site chrome and cards of other items do not count), stopping at an <article>
 * or a schema.org item; then step back up where the parent adds contact details but little else
 * (a description with its contact box beside it).
 */
export interface MainContent {
  element: ParentNode;
  /** Content contacts (not in chrome or cards) inside it. */
  contacts: PageContact[];
  /** Content text weight inside it, cards excluded. */
  weight: number;
}

const dominantShare = 0.7;
const maxClimb = 3;
const itemTypes = /schema\.org\/(?:Offer|Product|JobPosting|Article|NewsArticle|BlogPosting|Posting|Service|Person|LocalBusiness)/i;

export function findMainContent(survey: PageSurvey, cardGroups: CardGroup[]): MainContent {
  const cards = cardGroups.flatMap((g) => g.members);
  const cardWeightWithin = new Map<ParentNode, number>();
  for (const card of cards) {
    const weight = survey.weights.get(card) ?? 0;
    for (let node = card.parent; node; node = node.parent) {
      cardWeightWithin.set(node, (cardWeightWithin.get(node) ?? 0) + weight);
      if (node === survey.page.root) break;
    }
  }
  const cardSet = new Set<Element>(cards);
  const effectiveWeight = (node: ParentNode): number => (cardSet.has(node as Element) ? 0 : weightOf(survey, node) - (cardWeightWithin.get(node) ?? 0));

  const cardRanges = cards.map((card) => rangeOf(survey, card));
  const contentContacts = survey.contacts.filter((c) => !c.inBoilerplate && !cardRanges.some((r) => c.offset >= r.start && c.offset < r.end));
  const contactsIn = (node: ParentNode): PageContact[] => {
    const range = rangeOf(survey, node);
    return contentContacts.filter((c) => c.offset >= range.start && c.offset < range.end);
  };

  const total = effectiveWeight(survey.page.root);
  let node: ParentNode = survey.page.root;
  while (total > 0 && !isContentUnit(node, survey)) {
    let best: Element | null = null;
    for (const child of elementChildren(node)) if (!best || effectiveWeight(child) > effectiveWeight(best)) best = child;
    if (!best || effectiveWeight(best) < dominantShare * total) break;
    node = best;
  }

  // The nearest ancestor (a few levels up at most) that adds contact details but not more content
  // than the block itself has: the description's own contact box.
  let ancestor: ParentNode | null = node;
  for (let level = 0; level < maxClimb && ancestor !== survey.page.root && ancestor.parent; level++) {
    ancestor = ancestor.parent as ParentNode;
    const addsContacts = contactsIn(ancestor).length > contactsIn(node).length;
    if (addsContacts && effectiveWeight(ancestor) - effectiveWeight(node) <= effectiveWeight(node)) {
      node = ancestor;
      break;
    }
  }
  return { element: node, contacts: contactsIn(node), weight: effectiveWeight(node) };
}

function isContentUnit(node: ParentNode, survey: PageSurvey): boolean {
  if (node === survey.page.root || node.type !== 'tag') return false;
  const el = node as Element;
  return el.name === 'article' || itemTypes.test(el.attribs.itemtype ?? '');
}
