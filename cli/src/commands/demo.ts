import type { Command } from 'commander';
import { adIdFor } from '@indicia/core';
import type { GroundTruth } from '@indicia/testbed';
import { integerFlag } from '../integer-flag.js';
import { testbedPivotSettings } from '../testbed-pivot.js';

interface DemoFlags {
  once?: boolean;
  data?: string;
  seed: number;
  ads: number;
  verbose?: boolean;
  extractWorkers?: number;
  port: number;
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Start the built-in synthetic ad web, crawl it through its proxy, extract and index — no setup needed')
    .option('--once', 'exit after indexing and print the summary as JSON')
    .option('--data <dir>', 'data directory for the index (default ./indicia-data, env INDICIA_DATA)')
    .option('--seed <n>', 'testbed seed: the same seed builds the same sites', integerFlag(), 1)
    .option('--ads <n>', 'ads in the testbed', integerFlag({ min: 1 }), 200)
    .option('--verbose', 'write the JSON log lines to stderr')
    .option('--port <n>', 'port of the console opened after the crawl (0: any free port; a busy port falls back to any free one)', integerFlag({ min: 0 }), 8080)
    .option('--extract-workers <n>', 'worker threads that extract indicators (default: cores - 1, at least 1; env INDICIA_EXTRACT_WORKERS)', integerFlag({ min: 0 }))
    .addHelpText(
      'after',
      `
The testbed is an offline, synthetic ad web (reserved .test domains, fictional phone numbers) served
through an HTTP proxy on 127.0.0.1. The demo crawls it exactly as \`indicia crawl\` crawls the real web,
then opens the investigator console on the index (as \`indicia serve\` does) and prints its URL and,
on the first run, the admin's one-time password (or set INDICIA_ADMIN_PASSWORD).

Examples:
  $ npx indicia demo                 crawl, index, open the console, keep the testbed up and suggest searches
  $ npx indicia demo --once          crawl, index, print a JSON summary and exit
  $ npx indicia demo --ads 2000 --data /tmp/demo`,
    )
    .action(async (flags: DemoFlags) => {
      const { groundTruth, startTestbed } = await import('@indicia/testbed');
      const { runCrawlRequest } = await import('../run-crawl.js');
      const { crawlReportJson, crawlReportText } = await import('../crawl-report.js');
      const { parsePhoneNumberFromString } = await import('libphonenumber-js/max');
      const testbed = await startTestbed({ seed: flags.seed, ads: flags.ads });
      let keepRunning = false;
      try {
        const truth = groundTruth({ seed: flags.seed, ads: flags.ads });
        const outcome = await runCrawlRequest({
          seeds: testbed.seedUrls,
          flags: { data: flags.data, verbose: flags.verbose, extractWorkers: flags.extractWorkers },
          overrides: { proxyUrl: testbed.proxyUrl, recrawl: true, maxPages: Math.max(truth.browserPages * 2, 1000), ...testbedPivotSettings(testbed) },
          defaults: { perHostConcurrency: 8, concurrency: 16 },
          banner: `demo: testbed (seed ${flags.seed}, ${flags.ads} ads) on proxy ${testbed.proxyUrl}; crawling ${testbed.seedUrls.join(' ')}`,
        });
        if (flags.once) {
          process.stdout.write(`${JSON.stringify({ ...crawlReportJson(outcome), testbed: { seed: flags.seed, ads: flags.ads, truthAds: truth.ads.length } }, null, 2)}\n`);
          return;
        }
        process.stdout.write(`${crawlReportText(outcome)}\n\n${nextSteps(truth, testbed.proxyUrl, outcome.dataDir, (e164) => parsePhoneNumberFromString(e164)?.formatNational() ?? e164)}\n`);
        keepRunning = true;
        const { openDemoConsole } = await import('./demo-console.js');
        const demoConsole = await openDemoConsole({ dataDir: outcome.dataDir, port: flags.port });
        try {
          await new Promise<void>((resolve) => {
            process.once('SIGINT', resolve);
            process.once('SIGTERM', resolve);
          });
        } finally {
          await demoConsole.close();
        }
      } finally {
        await testbed.close();
        if (keepRunning) process.stderr.write('testbed stopped\n');
      }
    });
}

/** Suggestions built from the ground truth, so every command shown finds something. */
function nextSteps(truth: GroundTruth, proxyUrl: string, dataDir: string, formatNational: (e164: string) => string): string {
  const phoneUse = new Map<string, number>();
  for (const ad of truth.ads) for (const phone of ad.phones) phoneUse.set(phone, (phoneUse.get(phone) ?? 0) + 1);
  const reused = [...phoneUse.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const national = reused ? formatNational(reused) : undefined;
  const email = truth.ads.find((ad) => ad.emails.length > 0)?.emails[0];
  const dataFlag = dataDir === `${process.cwd()}/indicia-data` ? '' : ` --data ${dataDir}`;
  const lines = ['Try next (the testbed keeps running until Ctrl-C):'];
  if (national) lines.push(`  npx indicia search "${national}"${dataFlag}          a phone in any format; it is reused across ads and sites`);
  if (email) lines.push(`  npx indicia search --email ${email}${dataFlag}`);
  lines.push(
    `  npx indicia search "hostess"${dataFlag}                full text`,
    `  npx indicia export --format csv${dataFlag} > ads.csv`,
  );
  const photo = truth.reusedImages.find((image) => !image.imageUrls[0]?.includes('/cards/'))?.imageUrls[0];
  if (photo) {
    lines.push(
      `  curl -s -x ${proxyUrl} ${photo} -o photo.jpg && npx indicia search --image photo.jpg${dataFlag}`,
      `                                                    ads showing the same photo, on any site`,
    );
  }
  const imageAd = truth.ads.find((ad) => ad.requires === 'ocr' && ad.phones.length > 0);
  lines.push(`  npx indicia evidence verify${dataFlag}             every WARC record, screenshot and the custody chain checked`);
  if (imageAd) lines.push(`  npx indicia evidence export ${adIdFor(imageAd.url)} --out bundle${dataFlag}   an image ad's evidence, checkable with sha256sum -c`);
  lines.push(`  curl -x ${proxyUrl} http://${truth.sites[0]?.host ?? 'velvet-nights.test'}/      the testbed through its proxy`);
  return lines.join('\n');
}
