import { link, renderPage } from './html.js';

/**
 * The page frame the English server-rendered sites share (the classifieds and the image-ad site):
 * the same navigation and footer, the site's name, and a canonical link when the page has one.
 */
export function englishSitePage(site: { name: string; host: string }): (title: string, main: string, canonicalPath?: string) => string {
  const nav = `${link('/ads?page=1', 'All ads')} ${link('/about', 'About')}`;
  const footer = `${link('/terms', 'Terms')} · ${link('/about', 'About')} · © ${site.name}`;
  return (title, main, canonicalPath) =>
    renderPage({
      lang: 'en', title, siteName: site.name, nav, footer, main,
      canonical: canonicalPath === undefined ? undefined : `http://${site.host}${canonicalPath}`,
    });
}
