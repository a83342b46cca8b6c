import { z } from 'zod';

/** A regular expression given as text in config (allow/deny patterns, ad URL patterns): it must compile. */
export const regexSourceSchema = z.string().refine((source) => {
  try {
    new RegExp(source);
    return true;
  } catch (error) {
    if (error instanceof SyntaxError) return false;
    throw error;
  }
}, 'not a valid regular expression');
