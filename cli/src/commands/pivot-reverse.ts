import type { Command } from 'commander';
import { UsageError, type IdentityField } from '@indicia/core';
import type { ReverseRegistrationMatch } from '@indicia/indexer';
import { openIndexStore } from '../open-index-store.js';
import { phoneReadings } from '../phone-readings.js';
import { registerPivotRefreshCommand } from './pivot-refresh.js';
import { askReverseProvider, reverseProviderOf, reverseProviders, type ProviderReverseAnswer } from './provider-reverse.js';

interface ReverseFlags {
  email?: string;
  phone?: string;
  name?: string;
  org?: string;
  country?: string;
  json?: boolean;
  provider?: string;
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
  registerPivotRefreshCommand(pivot);
  pivot
    .command('reverse')
    .description('Reverse WHOIS over the collected history: domains whose registrant, admin or tech contact held a value, and when')
    .option('--email <address>', 'a contact email (case-insensitive)')
    .option('--phone <number>', 'a contact phone, in any format (normalised like ad phones)')
    .option('--name <name>', 'a contact name (case- and space-insensitive)')
    .option('--org <organisation>', 'a contact organisation')
    .option('--country <cc>', 'country for a national-format phone number')
    .option('--provider <name>', `also ask an external provider's Reverse WHOIS: ${reverseProviders.join(', ')} (key in INDICIA_WHOISXML_API_KEY; each search uses API credits)`)
    .option('--json', 'one JSON object per domain: {domain, roles, ranges: [{from, lastSeen, until}], current}; with --provider also providers[]')
    .option('--data <dir>', 'data directory (default ./indicia-data, env INDICIA_DATA)')
    .option('--es <url>', 'the distributed index in this Elasticsearch (env INDICIA_ES)')
    .addHelpText(
      'after',
      `
The history is what the pivot stage recorded during crawls (every look at a domain is kept), so the
answer says when each domain's record held the value: from the first look that showed it to the
last, and the first look that showed it gone. Redacted and privacy-service values are never matched.

--provider whoisxml also asks WhoisXML API's Reverse WHOIS (current and past records) and marks the
domains it names: a domain only the provider knows has no time ranges (Indicia never looked at it),
and "truncated" says the provider had more than it returned. When the provider cannot answer (no
key, refused key, no credits, down, past INDICIA_PROVIDER_TIMEOUT_MS) a warning goes to stderr,
the collected history's results print as usual, and the exit code stays 0. --json lines then carry
"providers": [...]; a provider-only domain has empty roles and ranges and "current": null.

Examples:
  $ indicia pivot reverse --email ops@registrant.example
  $ indicia pivot reverse --phone "(702) 555-0134"
  $ indicia pivot reverse --org "Golden Horizon Ltd" --json
  $ indicia pivot reverse --email ops@registrant.example --provider whoisxml`,
    )
    .action(async (flags: ReverseFlags) => {
      const query = reverseQueryOf(flags);
      const providerName = flags.provider === undefined ? null : reverseProviderOf(flags.provider);
      const store = await openIndexStore(flags);
      try {
        const matches = new Map<string, ReverseRegistrationMatch>();
        for (const value of query.values) for (const match of await store.registrations.reverse({ field: query.field, value })) matches.set(match.domain, match);
        const ordered = [...matches.values()];
        const provider = providerName === null ? null : await askReverseProvider(providerName, query);
        if (provider?.status === 'unavailable') process.stderr.write(`indicia: warning: ${provider.label} Reverse WHOIS gave no answer: ${provider.reason}; showing the collected history alone\n`);
        const fromProvider = new Set(provider?.status === 'answered' ? provider.domains : []);
        const providerOnly = [...fromProvider].filter((domain) => !matches.has(domain));
        if (flags.json) {
          writeJsonLines(ordered, providerOnly, provider);
          return;
        }
        if (ordered.length === 0) {
          const summary = await store.registrations.registrationSummary();
          process.stdout.write(`no domain in the collected history (${summary.registrationSnapshots} snapshots of ${summary.domains} domains) held that ${query.shown}\n`);
        } else {
          process.stdout.write(`${ordered.length} domain${ordered.length === 1 ? '' : 's'} held that ${query.shown}:\n`);
          for (const match of ordered) {
            const ranges = match.ranges.map((range) => `${day(range.from)} → ${range.until === null ? 'now' : `${day(range.lastSeen)} (gone by ${day(range.until)})`}`).join('; ');
            const also = provider !== null && fromProvider.has(match.domain) ? `  [also ${provider.provider}]` : '';
            process.stdout.write(`  ${match.domain.padEnd(32)} ${match.roles.join('+').padEnd(22)} ${ranges}${also}\n`);
          }
        }
        if (provider?.status === 'answered') writeProviderSection(provider, providerOnly, query.shown);
      } finally {
        await store.close();
      }
    });
}

/** The provider's domains that the collected history does not hold: no time ranges, since Indicia never looked at them. */
function writeProviderSection(provider: Extract<ProviderReverseAnswer, { status: 'answered' }>, providerOnly: string[], shown: string): void {
  const truncated = provider.truncated ? ' (truncated: the provider had more matches than it returned)' : '';
  process.stdout.write(`${provider.label} Reverse WHOIS: ${provider.domains.length} domain${provider.domains.length === 1 ? '' : 's'} whose current or past records held that ${shown}${truncated}; ${providerOnly.length} not in the collected history:\n`);
  for (const domain of providerOnly) process.stdout.write(`  ${domain.padEnd(32)} [${provider.provider}] no time ranges: not in the collected history\n`);
}

function writeJsonLines(ordered: ReverseRegistrationMatch[], providerOnly: string[], provider: ProviderReverseAnswer | null): void {
  const named = new Set(provider?.status === 'answered' ? provider.domains : []);
  for (const match of ordered) {
    const line = provider === null ? match : { ...match, providers: named.has(match.domain) ? [provider.provider] : [] };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  if (provider === null) return;
  for (const domain of providerOnly) process.stdout.write(`${JSON.stringify({ domain, roles: [], ranges: [], current: null, providers: [provider.provider] })}\n`);
  if (provider.status === 'answered' && provider.truncated) process.stderr.write(`indicia: note: ${provider.label} Reverse WHOIS was truncated: the provider had more matches than it returned\n`);
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
