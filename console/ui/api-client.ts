import type { Me } from './api-types.js';

export const apiBase = '/api/v1';

/** An answer other than 2xx: pages show its message; 401 sends the user to the login page. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;

/** Kept from login or /me: cookie-authenticated writes must send it back. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** '/search' + {q: 'x', site: undefined} → '/api/v1/search?q=x' (empty values left out). */
export function apiUrl(path: string, params: Record<string, string | number | undefined | null> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const text = query.toString();
  return `${apiBase}${path}${text ? `?${text}` : ''}`;
}

/** One path segment, encoded (indicator values hold '+', '@', ':' and '/'). */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

async function errorOf(response: Response): Promise<ApiError> {
  let code = `http-${response.status}`;
  let message = response.statusText || `HTTP ${response.status}`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.code) code = body.error.code;
    if (body.error?.message) message = body.error.message;
  } catch (error) {
    // A body that is not the JSON error shape (a proxy's page): the status line says enough.
    if (!(error instanceof SyntaxError)) throw error;
  }
  return new ApiError(response.status, code, message);
}

export async function api<T>(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(url.startsWith('/') ? url : `${apiBase}${url}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const getJson = <T>(url: string): Promise<T> => api<T>('GET', url);

export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await getJson<Me>(apiUrl('/me'));
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
