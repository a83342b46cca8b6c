import type { ConsoleDeps } from '../console-deps.js';
import type { RouteDefinition } from '../http/route.js';

export type ConsoleRoute = RouteDefinition<ConsoleDeps>;

/** A JSON answer. */
export function json(value: unknown, status = 200): { status: number; json: unknown } {
  return { status, json: value };
}
