import { pivotConfig, type PivotSettings } from '@indicia/pivot';

export interface PivotSettingFlags {
  /** commander's --no-pivot: false when given. */
  pivot?: boolean;
  pivotRefresh?: string;
  /** A crawl's JSON config file: its pivot settings apply. */
  config?: string;
}

/**
 * The pivot settings a crawl would use (WHOIS/RDAP servers, resolvers, pacing, refresh interval),
 * for the commands that pivot outside a crawl: flags beat the environment, which beats the
 * --config file, which beats the defaults.
 */
export async function resolvePivotSettings(flags: PivotSettingFlags, env: Record<string, string | undefined> = process.env): Promise<PivotSettings> {
  // The file is checked against every crawl setting, whose schemas load the crawler (seconds of
  // start-up a pivot worker need not pay): loaded only when there is a file.
  const file = flags.config === undefined ? {} : (await import('./crawl-config.js')).readConfigFile(flags.config);
  return pivotConfig.resolve({ flags: { pivot: flags.pivot === false ? false : undefined, pivotRefresh: flags.pivotRefresh }, env, file }).values;
}
