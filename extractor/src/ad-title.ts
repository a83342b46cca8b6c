import type { Document, Element, ParentNode } from 'domhandler';
import { findFirstElement, metaContent } from './html-document.js';
import { inlineText } from './visible-text.js';

export interface TitleSources {
  document: Document;
  /** The ad's content block. */
  content: ParentNode;
  /** The whole page body. */
  root: ParentNode;
  /** Site chrome: a logo in an <h1> of the page header is not the ad's title. */
  isChrome: (el: Element) => boolean;
}

/** The ad's title: its <h1>, else the page's first <h1> outside chrome, else og:title, else <title>. */
export function findAdTitle(sources: TitleSources): string {
  const headingIn = (scope: ParentNode): string | null => {
    const h1 = findFirstElement(scope, (el) => el.name === 'h1' && !sources.isChrome(el));
    const text = h1 ? inlineText(h1).trim() : '';
    return text || null;
  };
  const title = findFirstElement(sources.document, (el) => el.name === 'title');
  return headingIn(sources.content) ?? headingIn(sources.root) ?? metaContent(sources.document, 'og:title') ?? (title ? inlineText(title).trim() : '');
}
