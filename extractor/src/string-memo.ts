/**
 * A pure function of a string, remembered for the strings it was last asked about. Ads repeat the
 * same few domains over and over (a site's own, the big mail providers, the messengers), and the
 * lookups behind them (IDNA, the Public Suffix List) cost far more than a Map hit. The memory stays
 * bounded: the cache starts over once it holds `maxEntries` strings.
 */
export function memoizeByString<T>(compute: (input: string) => T, options: { maxEntries: number }): (input: string) => T {
  const cache = new Map<string, T>();
  return (input: string): T => {
    const known = cache.get(input);
    if (known !== undefined || cache.has(input)) return known as T;
    const value = compute(input);
    if (cache.size >= options.maxEntries) cache.clear();
    cache.set(input, value);
    return value;
  };
}
