import type { Command } from 'commander';
import { UsageError, type IdentityField } from '@indicia/core';
import type { ReverseRegistrationMatch } from '@indicia/indexer';
import { openIndexStore } from '../open-index-store.js';
import { phoneReadings } from '../phone-readings.js';
import { createLogger } from '@indicia/core';
import { refreshPivots } from './pivot-refresh.js';

interface ReverseFlags {
  email?: string;
  phone?: string;
  name?: string;
  org?: string;
  country?: string;
  json?: boolean;
  data?: string;
  es?: string;
}

/** One value to look for, and the readings it is matched in (a national phone may read several ways). */
interface ReverseQuery {
  field: IdentityField;
  values: string[];
  shown: string;
}

export function registerPivotCommand(program: Command): void {
  const pivot = program.command('pivot').description('Pivot from an indicator into the WHOIS/RDAP history Indicia has collected');
  pivot
    .command('refresh')
    .description('Look again at the WHOIS/RDAP registration and DNS of every domain in the history, so registrant changes between crawls are recorded')
    .option('--older-than <duration>', 'only domains whose last snapshot is at least this old (0: all)', '1d')
    .option('--data <dir>', 'data directory (default ./indicia-data, env INDICIA_DATA)')
    .option('--verbose', 'write the JSON log lines to stderr')
    .addHelpText('after', '\nServers come from the same settings as a crawl\'s (INDICIA_WHOIS_SERVERS, INDICIA_RDAP_SERVERS, INDICIA_DNS_RESOLVERS...).\n\nExamples:\n  $ indicia pivot refresh\n  $ indicia pivot refresh --older-than 0')
    .action(async (flags: { olderThan: string; data?: string; verbose?: boolean }) => {
      const store = await openIndexStore({ data: flags.data });
      let deadLetters = 0;
      try {
        const counts = await refreshPivots({
          store,
          olderThan: flags.olderThan,
          log: createLogger({ level: flags.verbose ? 'debug' : 'warn' }),
          onDeadLetter: (reason) => {
            deadLetters++;
            process.stderr.write(`  ✗ ${reason}\n`);
          },
        });
        process.stdout.write(`${counts.domains} domains in the history: ${counts.registrationsRecorded} WHOIS/RDAP and ${counts.dnsRecorded} DNS snapshots recorded, ${counts.fresh} still fresh, ${counts.skipped} skipped, ${deadLetters} failed\n`);
        if (counts.skipped > 0) process.stdout.write('  skipped: reserved names (.test, .example, example.com) with no server configured for them; set INDICIA_WHOIS_SERVERS / INDICIA_RDAP_SERVERS (indicia testbed serve prints the testbed\'s)\n');
      } finally {
        await store.close();
      }
    });
  pivot
    .command('reverse')
    .description('Reverse WHOIS over the collected history: domains whose registrant, admin or tech contact held a value, and when')
    .option('--email <address>', 'a contact email (case-insensitive)')
    .option('--phone <number>', 'a contact phone, in any format (normalised like ad phones)')
    .option('--name <name>', 'a contact name (case- and space-insensitive)')
    .option('--org <organisation>', 'a contact organisation')
    .option('--country <cc>', 'country for a national-format phone number')
    .option('--json', 'one JSON object per domain: {domain, roles, ranges: [{from, lastSeen, until}], current}')
    .option('--data <dir>', 'data directory (default ./indicia-data, env INDICIA_DATA)')
    .option('--es <url>', 'the distributed index in this Elasticsearch (env INDICIA_ES)')
    .addHelpText(
      'after',
      `
The history is what the pivot stage recorded during crawls (every look at a domain is kept), so the
answer says when each domain's record held the value: from the first look that showed it to the
last, and the first look that showed it gone. Redacted and privacy-service values are never matched.

Examples:
  $ indicia pivot reverse --email ops@registrant.example
  $ indicia pivot reverse --phone "(702) 555-0134"
  $ indicia pivot reverse --org "Golden Horizon Ltd" --json`,
    )
    .action(async (flags: ReverseFlags) => {
      const query = reverseQueryOf(flags);
      const store = await openIndexStore(flags);
      try {
        const matches = new Map<string, ReverseRegistrationMatch>();
        for (const value of query.values) for (const match of await store.registrations.reverse({ field: query.field, value })) matches.set(match.domain, match);
        const ordered = [...matches.values()];
        if (flags.json) {
          for (const match of ordered) process.stdout.write(`${JSON.stringify(match)}\n`);
          return;
        }
        if (ordered.length === 0) {
          const summary = await store.registrations.registrationSummary();
          process.stdout.write(`no domain in the collected history (${summary.registrationSnapshots} snapshots of ${summary.domains} domains) held that ${query.shown}\n`);
          return;
        }
        process.stdout.write(`${ordered.length} domain${ordered.length === 1 ? '' : 's'} held that ${query.shown}:\n`);
        for (const match of ordered) {
          const ranges = match.ranges.map((range) => `${day(range.from)} → ${range.until === null ? 'now' : `${day(range.lastSeen)} (gone by ${day(range.until)})`}`).join('; ');
          process.stdout.write(`  ${match.domain.padEnd(32)} ${match.roles.join('+').padEnd(22)} ${ranges}\n`);
        }
      } finally {
        await store.close();
      }
    });
}

function reverseQueryOf(flags: ReverseFlags): ReverseQuery {
  const given = (['email', 'phone', 'name', 'org'] as const).filter((key) => flags[key] !== undefined);
  if (given.length !== 1) throw new UsageError('give exactly one of --email, --phone, --name, --org');
  const key = given[0]!;
  const raw = flags[key]!.trim();
  if (raw === '') throw new UsageError(`--${key} is empty`);
  if (key === 'phone') {
    const values = phoneReadings(raw, flags.country?.toUpperCase());
    if (values.length === 0) throw new UsageError(`"${raw}" cannot be read as a phone number${flags.country ? ` in ${flags.country}` : ''}; give it with its country code (+1 702 ...) or --country`);
    return { field: 'phone', values, shown: 'phone' };
  }
  if (key === 'email' && !raw.includes('@')) throw new UsageError(`"${raw}" is not an email address`);
  return { field: key === 'org' ? 'organization' : key, values: [raw], shown: key === 'org' ? 'organisation' : key };
}

/** To the minute, in UTC: looks a few minutes apart must stay apart. */
function day(instant: string): string {
  return `${instant.slice(0, 16).replace('T', ' ')}Z`;
}
