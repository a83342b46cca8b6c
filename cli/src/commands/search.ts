import type { Command } from 'commander';
import { UsageError } from '@indicia/core';
import type { IndexStore, SearchHit, SearchQuery } from '@indicia/indexer';
import { integerFlag } from '../integer-flag.js';
import { oneLine } from '../terminal-line.js';
import { openIndexStore } from '../open-index-store.js';
import type { SearchInput } from '../interpret-query.js';

interface SearchFlags extends Omit<SearchInput, 'text'> {
  image?: string;
  maxDistance?: number;
  json?: boolean;
  data?: string;
  es?: string;
}

export function registerSearchCommand(program: Command): void {
  program
    .command('search')
    .description('Find ads by phone, email, handle, text (ad text and text read from its pictures) or picture')
    .argument('[text]', 'free text, or a phone/email/handle (recognised automatically)')
    .option('--phone <phone>', 'a phone number in any common format ("(702) 555-0134", "+44 7700 900123")')
    .option('--email <email>', 'an email address')
    .option('--handle <platform:value>', 'a platform handle, e.g. telegram:anna_x')
    .option('--country <cc>', 'ads located in this country (ISO code, e.g. GB)')
    .option('--phone-country <cc>', 'read a national phone number as one of this country (by default: every country where it is valid)')
    .option('--site <host>', 'ads on this site only')
    .option('--image <file>', 'ads showing the same picture as this file (PNG, JPEG, GIF, WebP, AVIF, TIFF), resized or recompressed')
    .option('--max-distance <bits>', 'with --image: how many of the 64 hash bits may differ (default 10; 0 = the same picture only)', integerFlag())
    .option('--limit <n>', 'results per page', integerFlag({ min: 1 }), 20)
    .option('--offset <n>', 'skip this many results', integerFlag(), 0)
    .option('--json', 'print results as JSON')
    .option('--data <dir>', 'data directory (default ./indicia-data, env INDICIA_DATA)')
    .option('--es <url>', 'search the distributed index in this Elasticsearch instead (env INDICIA_ES)')
    .addHelpText(
      'after',
      `
Examples:
  $ indicia search "(702) 555-0134"             same as --phone; E.164 +17025550134 is what is matched
  $ indicia search --phone "020 7946 0123" --phone-country GB
  $ indicia search --email anna@example.com
  $ indicia search --handle telegram:anna_x
  $ indicia search "hostess Madrid" --country ES --json
  $ indicia search --image photo.jpg                ads showing this photo, on any site
  $ indicia search --image photo.jpg --max-distance 6 --json
  $ indicia search "(702) 555-0134" --es http://127.0.0.1:9200   the distributed index

Text search covers the ad's title and text and what OCR read in its pictures; a phone, email or
handle read from a picture is found like one in the text.

--image compares a 64-bit perceptual hash (dHash) of the file with the hash of every indexed
picture: the same photo resized, recompressed, re-saved as another format or cropped by a few
pixels stays within 10 bits, so reposts of one photo across ads and sites are found; the exact
same file is listed first. It does not find a crop of part of a picture, a mirrored or rotated
one, or a different photo of the same person, and plain text banners (flat colour, a few words)
can look alike to it: for those, search the text they show (their phone number) instead.`,
    )
    .action(async (text: string | undefined, flags: SearchFlags) => {
      if (flags.image !== undefined) return searchByImage(text, flags);
      if (flags.maxDistance !== undefined) throw new UsageError('--max-distance goes with --image');
      const { interpretQuery } = await import('../interpret-query.js');
      const { query, readAs, phoneReadings } = interpretQuery({ ...flags, text });
      const store = await openIndexStore(flags);
      try {
        const { chosen, alternatives } = await choosePhoneReading(store, query, phoneReadings);
      if (chosen) {
        query.phone = chosen;
        readAs.forEach((r) => r.as === 'phone' && (r.value = chosen));
      }
      if (alternatives.length > 0 && !flags.json) {
        process.stderr.write(`note: the number can also be read as ${alternatives.map((a) => `${a.phone} (${a.total} ads)`).join(', ')}; use +country code or --phone-country to choose\n`);
      }
      const page = await store.search(query);
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ query, total: page.total, hits: page.hits }, null, 2)}\n`);
          return;
        }
        const described = readAs.map((r) => `${r.as} ${r.value}`).join(' and ') || 'filters';
        process.stdout.write(`${page.total} ad${page.total === 1 ? '' : 's'} for ${described}${query.country ? ` in ${query.country}` : ''}\n`);
        page.hits.forEach((hit, i) => process.stdout.write(formatHit(hit, (query.offset ?? 0) + i + 1)));
        const shown = (query.offset ?? 0) + page.hits.length;
        if (page.total > shown) process.stdout.write(`\n… ${page.total - shown} more: add --offset ${shown}\n`);
      } finally {
        await store.close();
      }
    });
}

async function searchByImage(text: string | undefined, flags: SearchFlags): Promise<void> {
  const others = ['phone', 'email', 'handle', 'country', 'phoneCountry', 'site'] as const;
  if (text !== undefined || others.some((name) => flags[name] !== undefined)) throw new UsageError('--image searches by picture alone: leave out the text, phone, email, handle, country and site');
  const { runImageSearch } = await import('./image-search.js');
  const store = await openIndexStore(flags);
  try {
    await runImageSearch(store, { file: flags.image!, ...(flags.maxDistance !== undefined ? { maxDistance: flags.maxDistance } : {}), limit: flags.limit ?? 20, offset: flags.offset ?? 0, json: flags.json ?? false });
  } finally {
    await store.close();
  }
}

/**
 * A national number valid in several countries: keep the reading the index holds most ads for, and
 * name the other readings that also have ads.
 */
async function choosePhoneReading(store: IndexStore, query: SearchQuery, readings: string[]): Promise<{ chosen: string | null; alternatives: Array<{ phone: string; total: number }> }> {
  if (readings.length < 2) return { chosen: null, alternatives: [] };
  const counted = await Promise.all(readings.map(async (phone) => ({ phone, total: (await store.search({ ...query, phone, limit: 1, offset: 0 })).total })));
  const withAds = counted.filter((c) => c.total > 0).sort((a, b) => b.total - a.total);
  if (withAds.length === 0) return { chosen: null, alternatives: [] };
  return { chosen: withAds[0]!.phone, alternatives: withAds.slice(1) };
}

function formatHit(hit: SearchHit, n: number): string {
  const day = (iso: string) => iso.slice(0, 16).replace('T', ' ');
  const matched = hit.matched.map((m) => `${m.platform ?? m.chain ?? m.type} ${m.value}`).join(', ');
  const others = hit.indicators.filter((i) => !hit.matched.some((m) => m.type === i.type && m.value === i.value)).map((i) => `${i.platform ?? i.type} ${i.value}`);
  return [
    ``,
    `${n}. ${oneLine(hit.title) || '(untitled)'} — ${hit.site}`,
    `   ${hit.url}`,
    `   first seen ${day(hit.firstSeen)} · last seen ${day(hit.lastSeen)}${hit.location ? ` · ${oneLine(hit.location.text)}` : ''}`,
    `   ${oneLine(hit.snippet)}`,
    matched ? `   matched: ${matched}` : '',
    others.length ? `   also: ${others.slice(0, 6).join(', ')}${others.length > 6 ? ', …' : ''}` : '',
  ].filter((line) => line !== '').join('\n') + '\n';
}
