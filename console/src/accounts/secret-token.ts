import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: session ids, CSRF tokens and API tokens. */
export function randomSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * What the database keeps of a high-entropy secret. A plain sha256 is enough here (unlike for
 * passwords): 256 random bits cannot be guessed from their hash.
 */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
