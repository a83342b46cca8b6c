import type { Element } from 'domhandler';

/** Elements whose content is never shown: their text is not the page's text. */
const neverRendered = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'canvas', 'select', 'datalist', 'math', 'video', 'audio', 'map']);

export function isHidden(el: Element): boolean {
  if (neverRendered.has(el.name)) return true;
  if (el.attribs.hidden !== undefined) return true;
  if (el.name === 'input' && el.attribs.type === 'hidden') return true;
  const style = el.attribs.style;
  return style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

const landmarkRoles = new Set(['navigation', 'banner', 'contentinfo', 'search']);
const boilerplateTokens = /^(?:site-?)?(?:header|footer|nav|navbar|navigation|menu|mainmenu|topbar|breadcrumbs?|cookies?|cookie-?(?:banner|notice|consent)|masthead)$/;
const contentContainers = new Set(['article', 'main', 'section']);

/**
 * Site chrome around the content: navigation, the page header and footer, breadcrumbs, cookie
 * banners. A <header> or <footer> inside an <article>/<main>/<section> belongs to that content and
 * is not chrome.
 */
export function isBoilerplate(el: Element): boolean {
  if (el.name === 'nav') return true;
  const role = el.attribs.role;
  if (role && landmarkRoles.has(role)) return true;
  const structural = el.name === 'header' || el.name === 'footer' || hasBoilerplateToken(el);
  return structural && !insideContent(el);
}

function hasBoilerplateToken(el: Element): boolean {
  const { id, class: className } = el.attribs;
  if (!id && !className) return false;
  const tokens = `${id ?? ''} ${className ?? ''}`.toLowerCase().split(/\s+/);
  return tokens.some((token) => token !== '' && boilerplateTokens.test(token));
}

function insideContent(el: Element): boolean {
  for (let parent = el.parent; parent && parent.type === 'tag'; parent = parent.parent) {
    if (contentContainers.has((parent as Element).name)) return true;
  }
  return false;
}
