import type { Element } from 'domhandler';
import { elementChildren } from './html-document.js';
import type { PageSurvey } from './page-survey.js';

/**
 * Repeated cards: sibling elements built alike (same tag and classes), each linking to exactly one
 * item page of a shared URL shape — the ads of a listing, the offers of a job board, the "similar
 * ads" box of a detail page. A row holding several cards links to several items, so it is not a card.
 */
export interface CardGroup {
  parent: Element | null;
  members: Element[];
  /** The URL shape the members link to. */
  shapeKey: string;
}

/** Two alike siblings already repeat: a city page with two ads is a listing too. */
const minCards = 2;
const minShareOfSiblings = 0.6;
/** A card says something beyond a bare link: a title and a line of detail. */
const minCardChars = 15;

export function findCardGroups(survey: PageSurvey): CardGroup[] {
  const itemLinks = itemLinksByElement(survey);
  const groups: CardGroup[] = [];
  const candidates = new Set<Element>();
  for (const el of itemLinks.keys()) if (el.parent && el.parent.type === 'tag') candidates.add(el.parent as Element);

  const parents: Array<Element | null> = [...candidates];
  if (survey.page.root.type !== 'tag' || !candidates.has(survey.page.root as Element)) parents.push(null);
  for (const parent of parents) {
    const children = elementChildren(parent ?? survey.page.root).filter((child) => survey.ranges.has(child));
    if (children.length < minCards) continue;
    const bySignature = new Map<string, Element[]>();
    for (const child of children) {
      const signature = `${child.name}.${(child.attribs.class ?? '').trim().split(/\s+/).sort().join('.')}`;
      bySignature.set(signature, [...(bySignature.get(signature) ?? []), child]);
    }
    for (const siblings of bySignature.values()) {
      if (siblings.length < minCards) continue;
      const group = cardsAmong(siblings, itemLinks, survey);
      if (group) groups.push({ parent, ...group });
    }
  }
  return dropNested(groups);
}

function cardsAmong(siblings: Element[], itemLinks: Map<Element, Map<string, Set<string>>>, survey: PageSurvey): { members: Element[]; shapeKey: string } | null {
  const membersByShape = new Map<string, Element[]>();
  for (const sibling of siblings) {
    const range = survey.ranges.get(sibling)!;
    if (range.end - range.start < minCardChars) continue;
    for (const [shapeKey, urls] of itemLinks.get(sibling) ?? []) {
      if (urls.size === 1) membersByShape.set(shapeKey, [...(membersByShape.get(shapeKey) ?? []), sibling]);
    }
  }
  let best: { members: Element[]; shapeKey: string } | null = null;
  for (const [shapeKey, members] of membersByShape) {
    if (members.length >= minCards && members.length >= siblings.length * minShareOfSiblings && (!best || members.length > best.members.length)) best = { members, shapeKey };
  }
  return best;
}

/** For every element, the distinct item URLs (same site, detail shape, outside chrome) below it, by shape. */
function itemLinksByElement(survey: PageSurvey): Map<Element, Map<string, Set<string>>> {
  const byElement = new Map<Element, Map<string, Set<string>>>();
  for (const anchor of survey.anchors) {
    if (anchor.inBoilerplate || !anchor.sameSite || !anchor.shape?.isDetail || !anchor.identity || anchor.identity === survey.pageIdentity) continue;
    for (let node = anchor.element as Element | null; node && node.type === 'tag'; node = node.parent as Element | null) {
      let shapes = byElement.get(node);
      if (!shapes) byElement.set(node, (shapes = new Map()));
      let urls = shapes.get(anchor.shape.key);
      if (!urls) shapes.set(anchor.shape.key, (urls = new Set()));
      urls.add(anchor.identity);
    }
  }
  return byElement;
}

/** A group found inside another group's card is part of that card, not a list of its own. */
function dropNested(groups: CardGroup[]): CardGroup[] {
  const allMembers = new Set(groups.flatMap((g) => g.members));
  return groups.filter((group) => !group.members.some((member) => hasAncestorIn(member, allMembers)));
}

function hasAncestorIn(el: Element, set: Set<Element>): boolean {
  for (let node = el.parent; node && node.type === 'tag'; node = node.parent) if (set.has(node as Element)) return true;
  return false;
}
