import { join } from 'node:path';
import { providerHistorySummary } from '@indicia/pivot';
import type { CrawlOutcome } from './run-crawl.js';

const number = new Intl.NumberFormat('en-US');

function browserLine(browser: ReturnType<typeof crawlReportJson>['browser']): string | null {
  if (browser.needingBrowser > 0) {
    return `browser:  none could be used — ${number.format(browser.needingBrowser)} pages needed one and were kept as fetched (marked needsBrowser)\n          ${browser.unavailable ?? ''}`;
  }
  if (browser.rendered === 0 && browser.renderFailed === 0) return null;
  const crashes = 'crashes' in browser && browser.crashes ? `, ${browser.crashes} crashes recovered` : '';
  const failed = browser.renderFailed ? `; ${number.format(browser.renderFailed)} could not be rendered and were kept as fetched (reasons in the log)` : '';
  return `browser:  rendered ${number.format(browser.rendered)} pages (mode ${browser.mode}${crashes})${failed}`;
}

export function crawlReportJson(outcome: CrawlOutcome) {
  const { result } = outcome;
  return {
    runId: result.runId,
    dataDir: outcome.dataDir,
    log: outcome.logLocation,
    durationMs: result.durationMs,
    pages: {
      captured: result.crawl.captured,
      failed: result.crawl.failed,
      robotsBlocked: result.crawl.skippedByRobots,
      alreadyCaptured: result.crawl.alreadyCaptured,
      replayed: result.replayed,
      pagesPerSecond: Number(result.crawl.pagesPerSecond.toFixed(2)),
    },
    failures: result.crawl.failures.slice(0, 50),
    browser: {
      mode: result.crawl.settings.mode,
      rendered: result.crawl.rendered,
      needingBrowser: result.crawl.needingBrowser,
      renderFailed: result.crawl.renderFailed,
      unavailable: result.crawl.browserUnavailable,
      ...(result.crawl.browser ?? {}),
    },
    images: { kept: result.crawl.imagesKept, refused: result.crawl.imagesRefused },
    proxyOutages: result.crawl.proxyOutages,
    evidence: { warc: join(outcome.dataDir, 'warc'), custodyLog: join(outcome.dataDir, 'custody.jsonl') },
    thisRun: { ads: result.adsThisRun, indicators: result.indicatorsThisRun },
    index: result.index,
    pivot: result.pivot,
    deadLetters: result.deadLetters,
  };
}

/** The human summary: what was fetched, what failed and why, what is now searchable. */
export function crawlReportText(outcome: CrawlOutcome): string {
  const report = crawlReportJson(outcome);
  const lines = [
    `crawled ${number.format(report.pages.captured)} pages in ${(report.durationMs / 1000).toFixed(1)} s (${report.pages.pagesPerSecond} pages/s)` +
      (report.pages.alreadyCaptured ? `; ${number.format(report.pages.alreadyCaptured)} captured before were not fetched again` : '') +
      (report.pages.replayed ? `; ${number.format(report.pages.replayed)} captures from an interrupted run processed` : ''),
    `  failed: ${number.format(report.pages.failed)}   robots.txt blocked: ${number.format(report.pages.robotsBlocked)}   dead letters: ${report.deadLetters}`,
  ];
  for (const failure of report.failures.slice(0, 8)) lines.push(`    ✗ ${failure.url} — ${failure.reason}`);
  if (report.pages.failed > 8) lines.push(`    … ${report.pages.failed - Math.min(8, report.failures.length)} more in the log`);
  const byType = Object.entries(report.index.indicatorsByType).map(([type, count]) => `${type} ${number.format(count)}`).join(', ');
  lines.push(
    `this run: ${number.format(report.thisRun.ads)} ads, ${number.format(report.thisRun.indicators)} distinct indicators`,
    `index:    ${number.format(report.index.ads)} ads, ${number.format(report.index.indicators)} indicators (${byType || 'none'})`,
  );
  for (const site of report.index.sites) lines.push(`          ${site.site}: ${number.format(site.ads)} ads`);
  const pivot = report.pivot;
  if (pivot.domainsSeen > 0) {
    const providerHistory = providerHistorySummary(pivot.providerHistory);
    lines.push(
      `pivot:    ${number.format(pivot.domainsSeen)} domains seen: ${number.format(pivot.registrationsRecorded)} WHOIS/RDAP and ${number.format(pivot.dnsRecorded)} DNS snapshots recorded` +
        (pivot.skipped > 0 ? `; ${number.format(pivot.skipped)} sightings of reserved names skipped (no server configured)` : '') +
        (pivot.failed > 0 ? `; ${number.format(pivot.failed)} lookups failed (reasons in the log)` : '') +
        (providerHistory ? `; ${providerHistory}` : '') +
        ' — indicia clusters, indicia graph --seed ..., indicia pivot reverse ...',
    );
  }
  if (report.proxyOutages && report.proxyOutages.outages > 0) {
    lines.push(`proxy:    down ${report.proxyOutages.outages} time(s), ${(report.proxyOutages.downMs / 1000).toFixed(1)} s in all: fetches waited for it, none went around it`);
  }
  const browser = browserLine(report.browser);
  if (browser) lines.push(browser);
  if (report.images.kept + report.images.refused > 0) lines.push(`images:   ${number.format(report.images.kept)} kept, ${number.format(report.images.refused)} refused (too big, not an image, pixel bombs...: each reason is in the run's log)`);
  lines.push(`evidence: ${report.evidence.warc} (WARC/1.1) and ${report.evidence.custodyLog} — check with: indicia evidence verify --data ${report.dataDir}`);
  lines.push(`data:     ${report.dataDir}   log: ${report.log}`);
  if (report.pages.captured === 0 && report.pages.alreadyCaptured > 0) lines.push('nothing new to fetch: every page in scope was captured before (use --recrawl to fetch them again)');
  return lines.join('\n');
}
