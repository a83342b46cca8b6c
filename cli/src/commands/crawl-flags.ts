import { Option, type Command } from 'commander';
import { integerFlag } from '../integer-flag.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The flags a crawl accepts (crawl and demo share them). Names map 1:1 to crawl config fields. */
export function addCrawlFlags(command: Command): Command {
  return command
    .option(
      '--proxy <url>',
      'send every request through this proxy, never directly: http://host:port, or socks5h://127.0.0.1:9050 for Tor (the proxy resolves names; required for .onion, e.g. indicia crawl http://<56 chars>.onion/ --proxy socks5h://127.0.0.1:9050); socks5:// resolves names locally and is refused for .onion (env INDICIA_PROXY)',
    )
    .option('--proxy-is-tor', "the http:// --proxy is Tor's HTTPTunnelPort, so .onion URLs may go through it (env INDICIA_PROXY_IS_TOR)")
    .option(
      '--proxy-wait <ms>',
      'when the proxy stops accepting connections mid-crawl (Tor restarting), wait this long for it, nothing sent another way; then stop with the pages still pending, to be resumed by the same command (default 600000; 0 stops at once; env INDICIA_PROXY_WAIT_MS)',
      integerFlag({ min: 0 }),
    )
    .option('--no-isolate-streams', "with a SOCKS proxy, use one set of SOCKS credentials for every site (default: one per site, so Tor's IsolateSOCKSAuth gives each site its own circuit; env INDICIA_ISOLATE_STREAMS)")
    .option('--max-pages <n>', 'pages in this data directory\'s frontier, at most (default 1000)', integerFlag({ min: 1 }))
    .option('--max-depth <n>', 'links followed from a seed, at most (default 10)', integerFlag({ min: 0 }))
    .option('--allow <regex>', 'also crawl URLs matching this pattern (repeatable)', collect)
    .option('--deny <regex>', 'never crawl URLs matching this pattern (repeatable)', collect)
    .option('--concurrency <n>', 'requests in flight in all (default 10)', integerFlag({ min: 1 }))
    .option('--per-host-concurrency <n>', 'requests in flight to one host (default 4)', integerFlag({ min: 1 }))
    .option('--delay <ms>', 'pause between requests to one host (default 0)', integerFlag({ min: 0 }))
    .option('--ignore-robots', 'do not honour robots.txt (recorded with the run)')
    .option('--max-response-bytes <n>', 'cut larger responses and mark them truncated (default 5 MiB)', integerFlag({ min: 1 }))
    .option('--timeout <ms>', 'per request (default 30000)', integerFlag({ min: 1 }))
    .option('--retries <n>', 'retries on timeouts and 5xx (default 3)', integerFlag({ min: 0 }))
    .option('--recrawl', 'fetch pages captured in an earlier run again (updates last seen)')
    .option('--retry-failed', 'fetch pages that failed in an earlier run again')
    .option('--country <cc>', 'country for national phone numbers when a page does not tell (e.g. US)')
    .addOption(new Option('--mode <mode>', 'auto: HTTP, and a browser for pages that look script-rendered; http: never a browser; browser: every page (default auto)').choices(['auto', 'http', 'browser']))
    .option('--browser <path>', 'Chromium or Chrome to use (default: the Playwright-managed browser, else Chrome, else the system chromium; env INDICIA_BROWSER)')
    .option('--no-images', 'do not fetch the images pages show (no OCR, no image search)')
    .option('--no-pivot', 'do not look up the WHOIS/RDAP registration and DNS of the domains seen (env INDICIA_PIVOT)')
    .option('--pivot-refresh <duration>', 'look at a domain again once its last snapshot is this old: 12h, 7d (default 7d; env INDICIA_PIVOT_REFRESH)')
    .option('--ocr-workers <n>', 'tesseract.js workers reading text in images (default: cores - 1, at least 1; env INDICIA_OCR_WORKERS)', integerFlag({ min: 1 }))
    .option('--operator <name>', 'who runs the crawl: recorded in the WARC metadata (env INDICIA_OPERATOR)')
    .option('--case <id>', 'the case the crawl is for: recorded in the WARC metadata (env INDICIA_CASE)')
    .option('--extract-workers <n>', 'worker threads that extract indicators (default: cores - 1, at least 1; env INDICIA_EXTRACT_WORKERS)', integerFlag({ min: 0 }))
    .option('--config <file>', 'JSON file with any of these settings, plus "sites": per-site extraction config')
    .option('--data <dir>', 'data directory (default ./indicia-data, env INDICIA_DATA)')
    .option('--verbose', 'write the JSON log lines to stderr instead of the data directory')
    .addOption(new Option('--json', 'print the summary as JSON on stdout'));
}

export interface CrawlFlagValues {
  proxy?: string;
  proxyIsTor?: boolean;
  proxyWait?: number;
  /** commander's --no-isolate-streams: false when given, true otherwise. */
  isolateStreams?: boolean;
  maxPages?: number;
  maxDepth?: number;
  allow?: string[];
  deny?: string[];
  concurrency?: number;
  perHostConcurrency?: number;
  delay?: number;
  ignoreRobots?: boolean;
  maxResponseBytes?: number;
  timeout?: number;
  retries?: number;
  recrawl?: boolean;
  retryFailed?: boolean;
  country?: string;
  extractWorkers?: number;
  mode?: 'auto' | 'http' | 'browser';
  browser?: string;
  /** commander's --no-images: false when given, true otherwise. */
  images?: boolean;
  /** commander's --no-pivot: false when given. */
  pivot?: boolean;
  pivotRefresh?: string;
  ocrWorkers?: number;
  operator?: string;
  case?: string;
  config?: string;
  data?: string;
  verbose?: boolean;
  json?: boolean;
}

/** Flag values keyed by config field; flags not given stay undefined so env and file can apply. */
export function crawlFlagsToConfig(flags: CrawlFlagValues): Record<string, unknown> {
  return {
    proxyUrl: flags.proxy,
    proxyIsTor: flags.proxyIsTor ? true : undefined,
    proxyWaitMs: flags.proxyWait,
    // Only an explicit --no-isolate-streams overrides env and file.
    isolateStreams: flags.isolateStreams === false ? false : undefined,
    maxPages: flags.maxPages,
    maxDepth: flags.maxDepth,
    allow: flags.allow,
    deny: flags.deny,
    concurrency: flags.concurrency,
    perHostConcurrency: flags.perHostConcurrency,
    perHostDelayMs: flags.delay,
    respectRobotsTxt: flags.ignoreRobots ? false : undefined,
    maxResponseBytes: flags.maxResponseBytes,
    requestTimeoutMs: flags.timeout,
    maxRetries: flags.retries,
    recrawl: flags.recrawl ? true : undefined,
    retryFailed: flags.retryFailed ? true : undefined,
    defaultCountry: flags.country,
    extractWorkers: flags.extractWorkers,
    mode: flags.mode,
    browserExecutable: flags.browser,
    // Only an explicit --no-images overrides env and file; the default (true) is the config's.
    images: flags.images === false ? false : undefined,
    pivot: flags.pivot === false ? false : undefined,
    pivotRefresh: flags.pivotRefresh,
    ocrWorkers: flags.ocrWorkers,
    operator: flags.operator,
    caseId: flags.case,
  };
}
