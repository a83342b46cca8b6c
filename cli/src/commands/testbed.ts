import type { Command } from 'commander';
import { integerFlag } from '../integer-flag.js';
import { testbedPivotEnv } from '../testbed-pivot.js';

interface TestbedFlags {
  seed: number;
  ads: number;
  port?: number;
  host?: string;
  registrations?: boolean;
}

const seedOption = ['--seed <n>', 'the same seed always builds the same sites', integerFlag(), 1] as const;
const adsOption = ['--ads <n>', 'number of ads (100000+ for benchmarks)', integerFlag({ min: 1 }), 200] as const;

export function registerTestbedCommand(program: Command): void {
  const testbed = program.command('testbed').description('The offline synthetic ad web used by tests, the demo and benchmarks');

  testbed
    .command('serve')
    .description('Serve the synthetic sites behind an HTTP forward proxy and a SOCKS5 proxy (with .onion mirrors) on 127.0.0.1')
    .option(...seedOption)
    .option(...adsOption)
    .option('--port <n>', 'proxy port (default: a free one)', integerFlag({ min: 0 }))
    .addHelpText(
      'after',
      `
Examples:
  $ indicia testbed serve --port 8118
  $ curl -x http://127.0.0.1:8118 http://velvet-nights.test/
  $ indicia crawl http://velvet-nights.test/ --proxy http://127.0.0.1:8118`,
    )
    .action(async (flags: TestbedFlags) => {
      const { startTestbed } = await import('@indicia/testbed');
      const running = await startTestbed({ seed: flags.seed, ads: flags.ads, proxyPort: flags.port });
      process.stdout.write(
        [
          `testbed (seed ${flags.seed}, ${flags.ads} ads) is up`,
          `  proxy:  ${running.proxyUrl}`,
          `  socks:  ${running.socksUrl}  (SOCKS5, names resolved by the proxy; the onion mirrors answer only here)`,
          ...running.onionMirrors.map((mirror) => `  onion:  ${mirror.seedUrl}  (mirror of ${mirror.clearHost})`),
          `  whois:  ${running.whois.registry} (registry, every TLD); registrars: ${[...new Set(Object.values(running.whois.registrars))].join(', ')}`,
          `  rdap:   ${running.rdapUrl}`,
          `  dns:    ${running.dnsServer} (UDP, authoritative for the testbed's domains)`,
          ...running.sites.map((site) => `  site:   ${site.seedUrl}  (${site.kind}; ${site.language.join(', ')})`),
          '',
          `  curl -x ${running.proxyUrl} ${running.seedUrls[0] ?? ''}`,
          `  indicia crawl ${running.seedUrls.join(' ')} --proxy ${running.proxyUrl}`,
          ...running.onionMirrors.map((mirror) => `  indicia crawl ${mirror.seedUrl} --proxy ${running.socksUrl}`),
          `  curl --socks5-hostname ${running.socksUrl.replace(/^socks5h:\/\//, '')} ${running.onionMirrors[0]?.seedUrl ?? ''}`,
          '  to have its pivots (WHOIS, RDAP, DNS) ask the testbed\'s registries, first:',
          `  export ${Object.entries(testbedPivotEnv(running)).map(([name, value]) => `${name}='${value}'`).join(' ')}`,
          `  indicia testbed truth --seed ${flags.seed} --ads ${flags.ads}   (what a crawl should find)`,
          `  indicia testbed truth --registrations --seed ${flags.seed} --ads ${flags.ads}   (domains, registrants, linked clusters)`,
          `  whois -h ${running.whois.registry.replace(/:(\d+)$/, ' -p $1')} ${running.sites[0]?.host ?? ''}`,
          `  dig @${running.dnsServer.replace(/:(\d+)$/, ' -p $1')} ${running.sites[0]?.host ?? ''} A`,
          'Ctrl-C stops it.',
          '',
        ].join('\n'),
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await running.close();
    });

  testbed
    .command('truth')
    .description('Print the ground truth as JSON: every ad\'s URL and the indicators it holds')
    .option(...seedOption)
    .option(...adsOption)
    .option('--registrations', 'print the registration truth instead: domains with their WHOIS history, registrants, reverse WHOIS and linked clusters')
    .addHelpText(
      'after',
      '\nExamples:\n  $ indicia testbed truth --seed 1 | jq \'.ads[0]\'\n  $ indicia testbed truth --seed 3 --ads 20000 > truth.json\n  $ indicia testbed truth --registrations | jq \'.clusters[0]\'',
    )
    .action(async (flags: TestbedFlags) => {
      const { groundTruth, registrationTruth } = await import('@indicia/testbed');
      const truth = flags.registrations === true ? registrationTruth({ seed: flags.seed, ads: flags.ads }) : groundTruth({ seed: flags.seed, ads: flags.ads });
      process.stdout.write(`${JSON.stringify(truth, null, 2)}\n`);
    });
}
