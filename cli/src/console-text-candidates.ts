// Its own module, so `indicia serve --help` can show the default without loading the console.
/**
 * The console ranks a full-text query over at most this many of the most recent matches: at 10,000
 * (the store's default, right for exports and the CLI) a common word took p99 163 ms on a
 * 100,000-ad index, at 2,000 under 100 ms (bench/console-search.mjs). Past it the total reads "2,000+".
 */
export const consoleTextCandidates = 2000;
