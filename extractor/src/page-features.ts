import type { Element, ParentNode } from 'domhandler';
import type { CardGroup } from './card-groups.js';
import { findFirstElement } from './html-document.js';
import type { MainContent } from './main-content.js';
import type { PageSurvey } from './page-survey.js';
import { urlShape } from './url-shape.js';

/** The measurements the generic classifier decides on; recorded in its reasons. */
export interface PageFeatures {
  cardCount: number;
  cardsWithContacts: number;
  /** Share of the page's content text that sits in cards. */
  cardTextShare: number;
  /** Most distinct same-site item links of one URL shape (outside chrome). */
  siblingItemLinks: number;
  pagination: boolean;
  /** The page's own URL names one item (numeric id, id-slug, long slug). */
  urlIsItem: boolean;
  /** The page's own URL is one page of a paged list ("?page=1"). */
  urlIsPagination: boolean;
  /** The main block links on to an item page while the page itself is not one: it is a teaser. */
  mainLinksToItem: boolean;
  /** The page links to other pages of its own URL shape: it is one of a series of items. */
  ownShapeAmongSiblings: boolean;
  mainContacts: number;
  mainDistinctContacts: number;
  mainWeight: number;
}

const paginationTokens = /(?:^|[\s_-])(?:pagination|pager|paging|page-numbers)(?:$|[\s_-])/i;

/** Whether `el` is below `container` without passing through one of `excluded` (other items' cards). */
function isInside(el: Element, container: ParentNode, excluded: Set<Element>): boolean {
  for (let node: ParentNode | null = el.parent; node; node = node.parent) {
    if (node === container) return true;
    if (excluded.has(node as Element)) return false;
  }
  return false;
}

export function measurePage(survey: PageSurvey, cardGroups: CardGroup[], main: MainContent): PageFeatures {
  const cards = cardGroups.flatMap((g) => g.members);
  const cardWeight = cards.reduce((sum, card) => sum + (survey.weights.get(card) ?? 0), 0);
  const cardsWithContacts = cards.filter((card) => {
    const range = survey.ranges.get(card)!;
    return survey.contacts.some((c) => !c.inBoilerplate && c.offset >= range.start && c.offset < range.end);
  }).length;

  const ownShape = urlShape(survey.pageUrl);
  const itemUrlsByShape = new Map<string, Set<string>>();
  let paginationLinks = 0;
  for (const anchor of survey.anchors) {
    if (!anchor.sameSite || !anchor.shape || !anchor.identity) continue;
    if (anchor.shape.isPagination || /\b(?:next|prev)\b/.test(anchor.rel)) paginationLinks++;
    if (anchor.inBoilerplate || !anchor.shape.isDetail || anchor.identity === survey.pageIdentity) continue;
    let urls = itemUrlsByShape.get(anchor.shape.key);
    if (!urls) itemUrlsByShape.set(anchor.shape.key, (urls = new Set()));
    urls.add(anchor.identity);
  }
  const relNextInHead = findFirstElement(survey.page.document, (el) => el.name === 'link' && /\b(?:next|prev)\b/i.test(el.attribs.rel ?? '')) !== null;
  const pagerElement = findFirstElement(survey.page.root, (el) => paginationTokens.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`)) !== null;
  const cardSet = new Set(cards);
  const mainLinksToItem = survey.anchors.some(
    (anchor) => anchor.sameSite && !anchor.inBoilerplate && anchor.shape?.isDetail && anchor.identity !== survey.pageIdentity && isInside(anchor.element, main.element, cardSet),
  );

  return {
    cardCount: cards.length,
    cardsWithContacts,
    cardTextShare: survey.rootWeight > 0 ? cardWeight / survey.rootWeight : 0,
    siblingItemLinks: Math.max(0, ...[...itemUrlsByShape.values()].map((urls) => urls.size)),
    pagination: paginationLinks > 0 || relNextInHead || pagerElement,
    urlIsItem: ownShape.isDetail,
    urlIsPagination: ownShape.isPagination,
    mainLinksToItem: !ownShape.isDetail && mainLinksToItem,
    ownShapeAmongSiblings: ownShape.isDetail && (itemUrlsByShape.get(ownShape.key)?.size ?? 0) > 0,
    mainContacts: main.contacts.length,
    mainDistinctContacts: new Set(main.contacts.map((c) => c.key)).size,
    mainWeight: main.weight,
  };
}
