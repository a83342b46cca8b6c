import type { RouteDefinition } from './route.js';

interface CompiledRoute<Deps> {
  route: RouteDefinition<Deps>;
  segments: string[];
}

export type RouteMatch<Deps> =
  | { kind: 'found'; route: RouteDefinition<Deps>; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

/** Matches `/a/:b/c` patterns segment by segment; parameters are URL-decoded and never match across a slash. */
export class RouteMatcher<Deps> {
  private readonly compiled: CompiledRoute<Deps>[];

  constructor(routes: readonly RouteDefinition<Deps>[], private readonly prefix: string) {
    this.compiled = routes.map((route) => ({ route, segments: route.path.split('/').filter(Boolean) }));
  }

  match(method: string, pathname: string): RouteMatch<Deps> {
    if (!pathname.startsWith(this.prefix)) return { kind: 'none' };
    const segments = pathname.slice(this.prefix.length).split('/').filter(Boolean);
    const allowed: string[] = [];
    for (const { route, segments: pattern } of this.compiled) {
      const params = matchSegments(pattern, segments);
      if (!params) continue;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { kind: 'found', route, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
  }
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    let actual: string;
    try {
      actual = decodeURIComponent(segments[i]!);
    } catch {
      return null; // malformed percent-encoding matches no route
    }
    if (expected.startsWith(':')) params[expected.slice(1)] = actual;
    else if (expected !== actual) return null;
  }
  return params;
}
