import { accountRoutes } from './account-routes.js';
import { adRoutes } from './ad-routes.js';
import { auditRoutes } from './audit-routes.js';
import { json, type ConsoleRoute } from './console-route.js';
import { domainRoutes } from './domain-routes.js';
import { exportRoutes } from './export-routes.js';
import { graphRoutes } from './graph-routes.js';
import { indicatorRoutes } from './indicator-routes.js';
import { openApiDocument } from './openapi-document.js';
import { searchRoutes } from './search-routes.js';
import { sessionRoutes } from './session-routes.js';
import { watchlistRoutes } from './watchlist-routes.js';

export const apiPrefix = '/api/v1';

const documentedRoutes: ConsoleRoute[] = [
  ...sessionRoutes,
  ...searchRoutes,
  ...adRoutes,
  ...indicatorRoutes,
  ...domainRoutes,
  ...graphRoutes,
  ...watchlistRoutes,
  ...exportRoutes,
  ...accountRoutes,
  ...auditRoutes,
];

const openApiRoute: ConsoleRoute = {
  method: 'GET',
  path: '/openapi.json',
  minRole: 'viewer',
  summary: 'This API as an OpenAPI 3.1 document.',
  async handle() {
    return json(openApiDocument([...documentedRoutes, openApiRoute] as never, apiPrefix));
  },
};

/**
 * Every API route with the least role that may call it. The server denies anything not listed
 * here, and the tests call every entry unauthenticated, with too low a role and without the CSRF
 * header, so a new route cannot escape them.
 */
export const consoleRoutes: readonly ConsoleRoute[] = [...documentedRoutes, openApiRoute];
