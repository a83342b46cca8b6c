import type { RouteDefinition } from '../http/route.js';

/**
 * An OpenAPI 3.1 document generated from the route table, so it lists exactly the routes the
 * server answers, with the role each needs (`x-minimum-role`).
 */
export function openApiDocument(routes: readonly RouteDefinition<unknown>[], prefix: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = `${prefix}${route.path.replace(/:(\w+)/g, '{$1}')}`;
    const pathParams = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const queryParams = (route.query ?? []).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } }));
    const operation: Record<string, unknown> = {
      summary: route.summary,
      operationId: `${route.method.toLowerCase()}${route.path.replace(/[/:](\w)/g, (_m, c: string) => c.toUpperCase())}`,
      'x-minimum-role': route.minRole,
      security: route.minRole === 'public' ? [] : [{ session: [] }, { token: [] }],
      parameters: [...pathParams, ...queryParams],
      responses: {
        [route.method === 'DELETE' ? '204' : route.method === 'POST' && route.path !== '/session' ? '201' : '200']: {
          description: 'success',
          content: { [route.produces ?? 'application/json']: {} },
        },
        ...(route.minRole === 'public' ? {} : { '401': { $ref: '#/components/responses/error' }, '403': { $ref: '#/components/responses/error' } }),
        '400': { $ref: '#/components/responses/error' },
      },
    };
    if (route.body) operation.requestBody = { required: true, description: route.body, content: { 'application/json': { schema: { type: 'object' } } } };
    (paths[path] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Indicia console API',
      version: '1',
      description: 'Search ads and indicators, read ads, indicators, domains and the link graph, keep watchlists, export. Roles: viewer < analyst < admin. Cookie-authenticated changes send X-CSRF-Token.',
    },
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'indicia_session' },
        token: { type: 'http', scheme: 'bearer' },
      },
      responses: {
        error: {
          description: 'an error',
          content: { 'application/json': { schema: { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } } } } },
        },
      },
    },
  };
}
