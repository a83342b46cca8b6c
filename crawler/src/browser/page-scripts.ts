/**
 * Scripts that run inside the page. They are JavaScript source rather than TypeScript functions
 * because the crawler is compiled without the DOM library; each is an expression of a function
 * taking one JSON argument, called by `inPage`.
 */

/** `{height, elements}` of the document, after two frames so that script updates have painted. */
export const measurePageScript = `async () => {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  const root = document.scrollingElement || document.documentElement;
  return { height: Math.max(root ? root.scrollHeight : 0, document.body ? document.body.scrollHeight : 0), width: root ? root.scrollWidth : 0, elements: document.getElementsByTagName('*').length };
}`;

/**
 * Scrolls down a screen at a time, a frame apart, to the bottom (or the height cap), so that
 * IntersectionObserver lazy loaders and loading=lazy images along the way all see their element.
 */
export const scrollThroughScript = `async ({ maxHeight, maxSteps }) => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  const root = document.scrollingElement || document.documentElement;
  const step = Math.max(200, Math.floor(innerHeight * 0.9));
  for (let i = 0; i < maxSteps; i++) {
    const bottom = Math.min(root.scrollHeight, maxHeight) - innerHeight;
    if (scrollY >= bottom - 1) break;
    scrollTo(0, Math.min(scrollY + step, bottom));
    await frame();
  }
}`;

/** Links and image URLs present after scripts ran, resolved against the document's base URL. */
export const collectLinksScript = `({ maxLinks, maxImages }) => {
  const links = new Set();
  for (const anchor of document.querySelectorAll('a[href], area[href]')) {
    if (links.size >= maxLinks) break;
    if (typeof anchor.href === 'string' && anchor.href) links.add(anchor.href);
  }
  const images = new Set();
  for (const image of document.images) {
    if (images.size >= maxImages) break;
    const source = image.currentSrc || image.src;
    if (source) images.add(source);
  }
  return { links: [...links], images: [...images] };
}`;

/** The expression that calls `script` with `argument`. */
export function inPage(script: string, argument: unknown = null): string {
  return `(${script})(${JSON.stringify(argument)})`;
}
