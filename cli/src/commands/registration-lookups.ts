import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describeError, UsageError } from '@indicia/core';
import {
  bootstrapSuffixes,
  ianaRdapDnsBootstrapUrl,
  loadRdapBootstrapInUse,
  parseWhois,
  pivotConfig,
  RdapBootstrapError,
  RdapClient,
  refreshBootstrap,
  resolveDomainRecords,
  WhoisClient,
  WhoisParseError,
  type PivotSettings,
  type RdapBootstrap,
  type RdapBootstrapInUse,
} from '@indicia/pivot';
import { resolveDataDir } from '../data-dir.js';

interface LookupFlags {
  server?: string;
  connect?: string;
  resolver?: string[];
  raw?: boolean;
  data?: string;
}

interface BootstrapFlags {
  refresh?: boolean;
  from?: string;
  data?: string;
}

/** The pivot settings from the environment (INDICIA_WHOIS_SERVERS...), with the command's flags on top. */
function settingsOf(flags: Record<string, unknown>): PivotSettings {
  return pivotConfig.resolve({ flags, env: process.env }).values;
}

export function registerRegistrationCommands(program: Command): void {
  const whois = program.command('whois').description('WHOIS (port 43): look up a domain, or parse responses you already have');
  whois
    .command('parse')
    .argument('[files...]', 'raw WHOIS responses (stdin when none)')
    .description('Parse raw WHOIS responses into normalised records (JSON; JSON Lines with a "file" field for several files)')
    .option('--server <host>', 'the WHOIS server that gave the responses (selects its quirks)')
    .addHelpText(
      'after',
      `
A record: {domain, registered, registrar{name,id,url,whoisServer}, createdAt, updatedAt, expiresAt,
status[], nameservers[], registrant{name, organization, email, phone, street, city, state,
postalCode, country, redacted[]}, admin, tech, privacyProxy{kind, service}}. Redacted and
privacy-service values are never put in the identity fields: they are named in "redacted".
With several files a response that cannot be parsed gives {file, error} and the run goes on.

Examples:
  $ whois example.com | indicia whois parse
  $ indicia whois parse responses/*.txt > records.jsonl`,
    )
    .action(async (files: string[], flags: { server?: string }) => {
      if (files.length <= 1) {
        const text = files.length === 1 ? readText(files[0]!) : await readStdin();
        const record = parseOrExplain(text, flags.server, files[0] ?? 'stdin');
        process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
        return;
      }
      let failed = 0;
      for (const file of files) {
        try {
          const record = parseWhois(readText(file), { server: flags.server });
          process.stdout.write(`${JSON.stringify({ file, ...record })}\n`);
        } catch (error) {
          failed++;
          process.stdout.write(`${JSON.stringify({ file, error: describeError(error) })}\n`);
        }
      }
      process.stderr.write(`parsed ${files.length - failed} of ${files.length} responses${failed > 0 ? `; ${failed} could not be parsed (their lines say why)` : ''}\n`);
    });

  whois
    .command('lookup')
    .argument('<domain>')
    .description('Ask the domain\'s WHOIS server (following a thin registry\'s referral to the registrar) and print the parsed record')
    .option('--server <host[:port]>', 'ask this server (default: INDICIA_WHOIS_SERVERS, the bundled map, then whois.iana.org)')
    .option('--connect <host=ip:port,...>', 'where to connect for a named server (env INDICIA_WHOIS_CONNECT)')
    .option('--raw', 'print the raw response instead of the parsed record')
    .addHelpText('after', '\nExamples:\n  $ indicia whois lookup example.org\n  $ indicia whois lookup lena10vip.test --server 127.0.0.1:4343')
    .action(async (domain: string, flags: LookupFlags) => {
      const settings = settingsOf({ whoisServers: flags.server ? { '*': flags.server } : undefined, whoisConnect: flags.connect });
      const client = new WhoisClient({ servers: settings.whoisServers, connect: settings.whoisConnect, timeoutMs: settings.lookupTimeoutMs, minIntervalMs: 0 });
      const answer = await client.lookup(domain);
      process.stderr.write(`asked ${answer.chain.join(' → ')} (${answer.encoding}${answer.truncated ? ', cut at the size cap' : ''})${answer.referralError ? `; referral not followed: ${answer.referralError}` : ''}\n`);
      if (flags.raw) process.stdout.write(answer.raw.endsWith('\n') ? answer.raw : `${answer.raw}\n`);
      else process.stdout.write(`${JSON.stringify(parseOrExplain(answer.raw, answer.server, answer.server), null, 2)}\n`);
    });

  const rdap = program.command('rdap').description('RDAP (the registries\' JSON successor to WHOIS)');
  rdap
    .command('lookup')
    .argument('<domain>')
    .description('Find the domain\'s RDAP server through the IANA bootstrap and print the normalised record')
    .option('--server <url>', 'ask this RDAP base URL (default: INDICIA_RDAP_SERVERS, then the bootstrap)')
    .option('--raw', 'print the RDAP JSON as received')
    .option('--data <dir>', 'data directory whose refreshed bootstrap is used (default ./indicia-data, env INDICIA_DATA)')
    .addHelpText('after', '\nExamples:\n  $ indicia rdap lookup example.cz\n  $ indicia rdap lookup lena10vip.test --server http://127.0.0.1:8080/')
    .action(async (domain: string, flags: LookupFlags) => {
      const settings = settingsOf({ rdapServers: flags.server ? { '*': flags.server } : undefined });
      const client = new RdapClient({ servers: settings.rdapServers, bootstrapFile: settings.rdapBootstrap ?? undefined, cacheDir: resolveDataDir(flags.data), timeoutMs: settings.lookupTimeoutMs, minIntervalMs: 0 });
      const answer = await client.lookupDomain(domain);
      process.stderr.write(`asked ${answer.url}${answer.related ? ` and the registrar's ${answer.related.url}` : ''}${answer.relatedError ? `; registrar RDAP not read: ${answer.relatedError}` : ''}\n`);
      process.stdout.write(flags.raw ? `${answer.raw}\n` : `${JSON.stringify(answer.record, null, 2)}\n`);
    });

  rdap
    .command('bootstrap')
    .description('Say which IANA RDAP bootstrap (TLD → RDAP server) is in use, or refresh it')
    .option('--refresh', `fetch a new bootstrap (IANA's ${ianaRdapDnsBootstrapUrl}), check it, and keep it in the data directory`)
    .option('--from <url>', 'with --refresh: fetch from this URL instead (a mirror, a test server)')
    .option('--data <dir>', 'data directory where the refreshed copy is kept (default ./indicia-data, env INDICIA_DATA)')
    .addHelpText(
      'after',
      `
Lookups (crawls, pivot refresh, rdap lookup) route with, in this order: INDICIA_RDAP_SERVERS per TLD,
then INDICIA_RDAP_BOOTSTRAP (a dns.json you name), then the copy --refresh kept in the data
directory, then the snapshot bundled with Indicia. A download that is not a valid RFC 9224 registry
is refused and the copy in use stays as it was.

Examples:
  $ indicia rdap bootstrap
  $ indicia rdap bootstrap --refresh
  $ indicia rdap bootstrap --refresh --from https://mirror.example/rdap/dns.json`,
    )
    .action(async (flags: BootstrapFlags) => {
      if (flags.from !== undefined && !flags.refresh) throw new UsageError('--from goes with --refresh');
      const settings = settingsOf({});
      const cacheDir = resolveDataDir(flags.data);
      const bootstrapFile = settings.rdapBootstrap ?? undefined;
      const overrides = Object.keys(settings.rdapServers);
      const overrideLine = overrides.length > 0 ? `  INDICIA_RDAP_SERVERS answers first for: ${overrides.join(', ')}\n` : '';
      if (!flags.refresh) {
        process.stdout.write(`${describeInUse(await loadRdapBootstrapInUse({ bootstrapFile, cacheDir }))}\n${overrideLine}`);
        return;
      }
      const url = flags.from ?? ianaRdapDnsBootstrapUrl;
      let fresh: RdapBootstrap;
      try {
        fresh = await refreshBootstrap(url, { cacheDir, timeoutMs: Math.max(settings.lookupTimeoutMs, 30_000) });
      } catch (error) {
        if (error instanceof RdapBootstrapError) throw new RdapBootstrapError(`${error.message}; nothing was changed`, { cause: error });
        throw error;
      }
      process.stdout.write(`refreshed from ${url}: ${summaryOf(fresh)}; kept in ${cacheDir}\n`);
      if (bootstrapFile !== undefined) process.stdout.write(`  note: INDICIA_RDAP_BOOTSTRAP (${bootstrapFile}) is set and still takes precedence over the refreshed copy\n`);
      process.stdout.write(overrideLine);
    });

  program
    .command('dns')
    .description('DNS records of a domain')
    .command('lookup')
    .argument('<domain>')
    .description('A, AAAA, MX, NS and TXT records through the configured resolvers, as JSON')
    .option('--resolver <ip[:port]...>', 'resolvers to ask (default: INDICIA_DNS_RESOLVERS, else the system\'s)')
    .addHelpText('after', '\nExamples:\n  $ indicia dns lookup example.org\n  $ indicia dns lookup lena10vip.test --resolver 127.0.0.1:5353')
    .action(async (domain: string, flags: LookupFlags) => {
      const settings = settingsOf({ dnsResolvers: flags.resolver });
      const records = await resolveDomainRecords(domain, { resolvers: settings.dnsResolvers, timeoutMs: Math.min(settings.lookupTimeoutMs, 5000) });
      process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
    });
}

function describeInUse(inUse: RdapBootstrapInUse): string {
  const what = { file: 'the file INDICIA_RDAP_BOOTSTRAP names', cached: 'the copy refreshed into the data directory', bundled: 'the snapshot bundled with Indicia' }[inUse.origin];
  const hint = inUse.origin === 'bundled' ? '\n  refresh it from IANA: indicia rdap bootstrap --refresh' : '';
  return `RDAP bootstrap in use: ${what} (${inUse.path})\n  ${summaryOf(inUse.bootstrap)}${hint}`;
}

function summaryOf(bootstrap: RdapBootstrap): string {
  const suffixes = bootstrapSuffixes(bootstrap).length;
  return `published ${bootstrap.publication ?? 'at an unknown date'}, ${suffixes} TLD${suffixes === 1 ? '' : 's'} with an RDAP server`;
}

function parseOrExplain(text: string, server: string | undefined, where: string) {
  try {
    return parseWhois(text, { server });
  } catch (error) {
    if (error instanceof WhoisParseError) throw new UsageError(`${where}: not a WHOIS record I can read: ${error.message}`);
    throw error;
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? describeError(error)}`);
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('give WHOIS response files, or pipe one in (whois example.com | indicia whois parse)');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
