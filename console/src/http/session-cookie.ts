import type { IncomingMessage } from 'node:http';

export const sessionCookieName = 'indicia_session';

/** The session cookie's value from the request, or null. */
export function sessionCookieOf(req: IncomingMessage): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    if (part.slice(0, at).trim() === sessionCookieName) return part.slice(at + 1).trim() || null;
  }
  return null;
}

/** HttpOnly (no script reads it), SameSite=Strict (no cross-site request carries it), Secure over https. */
export function sessionCookie(value: string, options: { secure: boolean }): string {
  return `${sessionCookieName}=${value}; Path=/; HttpOnly; SameSite=Strict${options.secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(options: { secure: boolean }): string {
  return `${sessionCookieName}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${options.secure ? '; Secure' : ''}`;
}
