import type { IncomingMessage } from 'node:http';
import type { AuditDetails } from '../accounts/audit-log.js';
import type { Role } from '../roles.js';

/** Who is calling, and how they proved it. */
export interface Principal {
  username: string;
  role: Role;
  via: 'session' | 'token';
  /** The session's CSRF token; null for token callers (they need none). */
  csrfToken: string | null;
  /** The session cookie's value, for logout. */
  sessionId: string | null;
  /** The account's password was given once: only setting a new one (and /me, logout) is allowed. */
  mustChangePassword: boolean;
}

export interface RequestContext {
  req: IncomingMessage;
  url: URL;
  /** Decoded path parameters (`:adId` → params.adId). */
  params: Record<string, string>;
  /** Null only on public routes. */
  principal: Principal | null;
  clientIp: string;
  /** The JSON body (415/413/400 for anything else). */
  body(): Promise<Record<string, unknown>>;
  audit(action: string, target: string | null, details?: AuditDetails): void;
}

/** What a handler answers; the server adds the security headers. */
export type RouteResult =
  | { status: number; json: unknown; headers?: Record<string, string | string[]> }
  | { status: 204; headers?: Record<string, string | string[]> }
  | { status: number; body: Buffer | string; headers: Record<string, string> }
  | { status: number; stream: AsyncIterable<string | Buffer>; headers: Record<string, string> };

export type MinimumRole = Role | 'public';

export interface RouteDefinition<Deps> {
  method: 'GET' | 'POST' | 'DELETE';
  /** Under /api/v1, with `:name` parameters. */
  path: string;
  /** Deny by default: a route names the least role that may call it. */
  minRole: MinimumRole;
  /** Callable by an account that must still replace a one-time password (who am I, set it, log out). */
  allowedBeforePasswordChange?: true;
  /** One line for the OpenAPI document. */
  summary: string;
  /** Query parameters, for the OpenAPI document. */
  query?: readonly string[];
  /** A JSON request body is expected (for the OpenAPI document). */
  body?: string;
  /** What a success returns (OpenAPI): a media type other than JSON, when it is one. */
  produces?: string;
  handle(ctx: RequestContext, deps: Deps): Promise<RouteResult>;
}
