import { regexSourceSchema, z } from '@indicia/core';

/** Optional per-site configuration: what a site's ad pages look like where the generic rules guess wrong. */
export const siteConfigSchema = z.object({
  /** Host the config applies to (and its subdomains), e.g. 'velvet-nights.test'. */
  host: z.string().min(1).transform((host) => host.toLowerCase().replace(/\.$/, '')),
  /** ISO 3166-1 alpha-2 country for national phone numbers. */
  defaultCountry: z.string().length(2).transform((c) => c.toUpperCase()).optional(),
  /** Regex source matched against the page URL: pages that are ads. */
  adUrlPattern: regexSourceSchema.optional(),
  /** Regex source: pages that are never ads (checked first). */
  notAdUrlPattern: regexSourceSchema.optional(),
  /** CSS selectors for the ad's parts. */
  selectors: z
    .object({ title: z.string().optional(), body: z.string().optional(), date: z.string().optional(), location: z.string().optional() })
    .optional(),
});

export interface SiteConfig {
  host: string;
  defaultCountry?: string;
  adUrlPattern?: string;
  notAdUrlPattern?: string;
  selectors?: { title?: string; body?: string; date?: string; location?: string };
}

// The schema and the interface must describe the same thing; this fails to compile if they drift.
const schemaMatchesInterface: [z.output<typeof siteConfigSchema>] extends [SiteConfig] ? ([SiteConfig] extends [z.input<typeof siteConfigSchema>] ? true : never) : never = true;
void schemaMatchesInterface;

/** The config for a host: an exact match first, else the longest parent domain configured. */
export function findSiteConfig(configs: readonly SiteConfig[] | undefined, host: string): SiteConfig | undefined {
  if (!configs || configs.length === 0) return undefined;
  const lower = host.toLowerCase();
  let best: SiteConfig | undefined;
  for (const config of configs) {
    const configHost = config.host.toLowerCase().replace(/\.$/, '');
    if ((lower === configHost || lower.endsWith(`.${configHost}`)) && (!best || configHost.length > best.host.length)) best = config;
  }
  return best;
}

const compiled = new Map<string, RegExp | null>();

/** A configured pattern, compiled once; null when it does not compile (configs may skip the schema). */
export function configPattern(source: string | undefined): RegExp | null {
  if (source === undefined) return null;
  if (!compiled.has(source)) {
    let pattern: RegExp | null = null;
    try {
      pattern = new RegExp(source);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
    }
    compiled.set(source, pattern);
  }
  return compiled.get(source)!;
}
