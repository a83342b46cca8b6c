/** The image types the console serves, recognised by their first bytes, never by a stored name or header. */
export type ServedImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

/** The content type of the bytes, or null when they are not PNG, JPEG, GIF or WebP (SVG, HTML... are refused). */
export function imageTypeOf(bytes: Buffer): ServedImageType | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 6 && (bytes.subarray(0, 6).toString('latin1') === 'GIF87a' || bytes.subarray(0, 6).toString('latin1') === 'GIF89a')) return 'image/gif';
  if (bytes.length >= 12 && bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}
