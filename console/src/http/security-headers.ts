import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** Sent with every response: nothing here may be framed, sniffed, or leak the URL it came from. */
export function setBaseSecurityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  // API answers and assets are never documents: if one is opened as a page, it may do nothing.
  res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
}

/** A fresh nonce for one HTML response (128 random bits). */
export function freshNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The web UI's policy: only scripts carrying this response's nonce (and what they load) run. */
export function uiShellPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "frame-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * A captured page shown inside the UI's `<iframe sandbox>`: a unique origin (sandbox), no scripts,
 * no fetches, no images, fonts or frames from anywhere; inline styles only, so it still looks like
 * the page. `frame-ancestors 'self'` lets only the console frame it.
 */
export const capturedHtmlPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";
