/** A link's percent-encoded text decoded, or null when it is not valid percent-encoding ("%E0%A4%A"). */
export function decodePercentEncoding(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch (error) {
    if (error instanceof URIError) return null;
    throw error;
  }
}
