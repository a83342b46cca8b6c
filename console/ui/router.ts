/**
 * Client routing on the history API (no hashes): every route is a real path the server answers
 * with the same shell, so a copied link opens the same page.
 */

export interface RouteMatch {
  params: Record<string, string>;
  query: URLSearchParams;
  path: string;
}

export interface Route<T> {
  pattern: RegExp;
  names: string[];
  target: T;
}

/** '/ads/:id' → a pattern whose groups are the named segments (decoded when matched). */
export function route<T>(path: string, target: T): Route<T> {
  const names: string[] = [];
  const source = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_all, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${source}/?$`), names, target };
}

export function matchRoute<T>(routes: readonly Route<T>[], location: { pathname: string; search: string }): { target: T; match: RouteMatch } | undefined {
  for (const candidate of routes) {
    const found = candidate.pattern.exec(location.pathname);
    if (!found) continue;
    const params: Record<string, string> = {};
    candidate.names.forEach((name, index) => {
      params[name] = decodeURIComponent(found[index + 1]!);
    });
    return { target: candidate.target, match: { params, query: new URLSearchParams(location.search), path: location.pathname } };
  }
  return undefined;
}

type Listener = () => void;
const listeners: Listener[] = [];

export function onNavigate(listener: Listener): void {
  listeners.push(listener);
}

function notify(): void {
  for (const listener of listeners) listener();
}

/** Goes to a console path ('/search?q=x') without reloading the page. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  notify();
}

/** Same-origin links open in place; modified clicks, downloads and new tabs behave as the browser does. */
export function interceptLinks(root: HTMLElement): void {
  window.addEventListener('popstate', notify);
  root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest('a');
    if (!anchor || anchor.hasAttribute('download') || anchor.target || anchor.origin !== location.origin) return;
    if (anchor.pathname.startsWith('/api/')) return;
    event.preventDefault();
    navigate(anchor.pathname + anchor.search);
  });
}
