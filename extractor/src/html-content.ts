import type { PageCaptured } from '@indicia/core';

/**
 * Why a capture is not an HTML page extraction can read, or null when it is. A declared HTML type
 * is trusted; a missing or generic type (application/octet-stream) is sniffed the way browsers do;
 * any other type (images, PDF, JSON, plain text) is not a page.
 */
export function htmlContentProblem(page: PageCaptured): string | null {
  if (page.status >= 400) return `HTTP status ${page.status}`;
  const type = page.contentType.split(';')[0]!.trim().toLowerCase();
  const declaredHtml = type === 'text/html' || type === 'application/xhtml+xml';
  const sniffable = type === '' || type === 'application/octet-stream' || type === 'unknown/unknown';
  if (!declaredHtml && !(sniffable && /^\ufeff?\s*<(?:!doctype\s+html|html|head|body)\b/i.test(page.body))) {
    return `content type ${type || '(none)'} is not HTML`;
  }
  return page.body.trim() === '' ? 'empty body' : null;
}
