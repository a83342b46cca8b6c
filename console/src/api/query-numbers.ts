import { badRequest } from '../http/rejected-request-error.js';

/** An integer query parameter within bounds; the default when absent; 400 otherwise. */
export function integerParam(url: URL, name: string, options: { fallback: number; min: number; max: number }): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return options.fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < options.min || value > options.max) throw badRequest(`${name} must be an integer from ${options.min} to ${options.max}`);
  return value;
}
