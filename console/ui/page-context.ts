import type { Me } from './api-types.js';
import type { RouteMatch } from './router.js';

/** What a page is given when its route is shown. */
export interface PageContext extends RouteMatch {
  me: Me;
}

/** A page renders into a node; it may fetch first (errors are shown by the app). */
export type Page = (context: PageContext) => Promise<Node>;

const roleRank = { viewer: 0, analyst: 1, admin: 2 } as const;

export function hasRole(me: Me, minimum: keyof typeof roleRank): boolean {
  return roleRank[me.role] >= roleRank[minimum];
}
