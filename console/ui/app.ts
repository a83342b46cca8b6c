import { ApiError, api, apiUrl, fetchMe, setCsrfToken } from './api-client.js';
import type { Me } from './api-types.js';
import { button, h, replaceChildren } from './dom.js';
import { hasRole, type Page } from './page-context.js';
import { accountPage } from './pages/account-page.js';
import { adPage } from './pages/ad-page.js';
import { auditPage } from './pages/audit-page.js';
import { domainPage } from './pages/domain-page.js';
import { graphPage } from './pages/graph-page.js';
import { indicatorPage } from './pages/indicator-page.js';
import { loginPage } from './pages/login-page.js';
import { searchPage } from './pages/search-page.js';
import { watchlistPage, watchlistsPage } from './pages/watchlists-page.js';
import { interceptLinks, matchRoute, navigate, onNavigate, route } from './router.js';
import { notice } from './widgets.js';

interface PageRoute {
  page: Page;
  title: string;
  /** The lowest role that sees it (the API enforces the same; this only hides what would fail). */
  role?: 'analyst' | 'admin';
}

const routes = [
  route<PageRoute>('/search', { page: searchPage, title: 'Search' }),
  route<PageRoute>('/ads/:id', { page: adPage, title: 'Ad' }),
  route<PageRoute>('/indicators/:type/:value', { page: indicatorPage, title: 'Indicator' }),
  route<PageRoute>('/domains/:domain', { page: domainPage, title: 'Domain' }),
  route<PageRoute>('/graph', { page: graphPage, title: 'Graph' }),
  route<PageRoute>('/watchlists', { page: watchlistsPage, title: 'Watchlists' }),
  route<PageRoute>('/watchlists/:id', { page: watchlistPage, title: 'Watchlist' }),
  route<PageRoute>('/audit', { page: auditPage, title: 'Audit log', role: 'admin' }),
  route<PageRoute>('/account', { page: accountPage, title: 'Account' }),
];

const navigation: ReadonlyArray<{ path: string; label: string; role?: 'admin' }> = [
  { path: '/search', label: 'Search' },
  { path: '/graph', label: 'Graph' },
  { path: '/watchlists', label: 'Watchlists' },
  { path: '/audit', label: 'Audit log', role: 'admin' },
  { path: '/account', label: 'Account' },
];

let me: Me | null = null;
/** Each render gets a number: an answer arriving after the user moved on is dropped. */
let renderCount = 0;

function header(user: Me): HTMLElement {
  const current = location.pathname;
  return h(
    'div',
    { class: 'topbar' },
    h('a', { href: '/search', class: 'brand' }, 'Indicia'),
    h(
      'nav',
      { 'aria-label': 'Main' },
      ...navigation.filter((item) => !item.role || hasRole(user, item.role)).map((item) => h('a', { href: item.path, 'aria-current': current.startsWith(item.path) ? 'page' : null }, item.label)),
    ),
    h(
      'div',
      { class: 'user' },
      h('span', {}, `${user.username} (${user.role})`),
      button('Log out', async () => {
        try {
          await api('DELETE', apiUrl('/session'));
        } finally {
          me = null;
          setCsrfToken(null);
          navigate('/login');
        }
      }, { class: 'link-button' }),
    ),
  );
}

function focusHeading(main: HTMLElement): void {
  const heading = main.querySelector<HTMLElement>('h1');
  heading?.focus({ preventScroll: true });
}

async function render(app: HTMLElement): Promise<void> {
  const ticket = ++renderCount;
  const headerSlot = app.querySelector<HTMLElement>('#topbar')!;
  const main = app.querySelector<HTMLElement>('#main')!;
  if (location.pathname === '/' ) return navigate('/search', { replace: true });
  if (location.pathname.startsWith('/login')) {
    replaceChildren(headerSlot);
    const next = new URLSearchParams(location.search).get('next');
    replaceChildren(main, loginPage(next, (user, target) => {
      me = user;
      navigate(target, { replace: true });
    }));
    document.title = 'Log in · Indicia';
    focusHeading(main);
    return;
  }
  if (me === null) me = await fetchMe();
  if (ticket !== renderCount) return;
  if (me === null) return navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  replaceChildren(headerSlot, header(me));
  // A one-time password opens only the Account page, where the user sets their own (the API refuses the rest).
  if (me.mustChangePassword && location.pathname !== '/account') return navigate('/account', { replace: true });
  const found = matchRoute(routes, location);
  if (!found) {
    replaceChildren(main, h('h1', { tabindex: -1 }, 'Not found'), h('p', {}, 'There is no such page. ', h('a', { href: '/search' }, 'Search')));
    return;
  }
  if (found.target.role && !hasRole(me, found.target.role)) {
    replaceChildren(main, h('h1', { tabindex: -1 }, found.target.title), notice(`This page needs the ${found.target.role} role.`, 'error'));
    return;
  }
  main.setAttribute('aria-busy', 'true');
  replaceChildren(main, h('p', { class: 'loading' }, 'Loading…'));
  try {
    const node = await found.target.page({ ...found.match, me });
    if (ticket !== renderCount) return;
    replaceChildren(main, node);
    document.title = `${main.querySelector('h1')?.textContent ?? found.target.title} · Indicia`;
    focusHeading(main);
  } catch (error) {
    if (ticket !== renderCount) return;
    if (error instanceof ApiError && error.status === 401) {
      me = null;
      return navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    }
    const text = error instanceof ApiError ? (error.status === 404 ? `Not found: ${error.message}` : error.status === 403 ? `Your role may not see this: ${error.message}` : error.message) : error instanceof Error ? error.message : String(error);
    replaceChildren(main, h('h1', { tabindex: -1 }, found.target.title), notice(text, 'error'));
  } finally {
    if (ticket === renderCount) main.removeAttribute('aria-busy');
  }
}

function start(): void {
  const app = document.getElementById('app')!;
  interceptLinks(app);
  const show = () => {
    render(app).catch((error: unknown) => {
      replaceChildren(app.querySelector('#main')!, notice(`The console could not load: ${error instanceof Error ? error.message : String(error)}`, 'error'));
    });
  };
  onNavigate(show);
  show();
}

start();
