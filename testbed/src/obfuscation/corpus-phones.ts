import type { SeededRandom } from '../random.js';

/**
 * Phone numbers of the labelled corpus, per country. US, GB and AU numbers come from ranges set
 * aside for fiction; the other countries have none, so their numbers are made up inside mobile
 * ranges libphonenumber calls valid (random subscriber digits, not any known line).
 */
export type CorpusPhoneCountry = 'US' | 'GB' | 'AU' | 'DE' | 'ES' | 'FR' | 'IT' | 'PL' | 'RO' | 'NL' | 'PT' | 'RU' | 'UA';

export interface CorpusPhone {
  country: CorpusPhoneCountry;
  e164: string;
  /** National significant number. */
  nsn: string;
}

interface CountryPlan {
  callingCode: string;
  /** Builds a national significant number. */
  nsn(random: SeededRandom): string;
  /** How the NSN is grouped when written, by its length. */
  groups(nsn: string): readonly number[];
  /** National written forms (with the trunk prefix where the country uses one). */
  national: ReadonlyArray<(groups: string[], nsn: string) => string>;
}

function digits(random: SeededRandom, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(random.int(0, 9));
  return out;
}

const usAreaCodes = ['702', '213', '312', '305', '212', '713', '404', '415', '617', '206'];
/** Ofcom drama ranges: geographic ones are valid in libphonenumber; 07700 900xxx is not (the extractor knows it). */
const gbRanges: ReadonlyArray<{ prefix: string; free: number; groups: readonly number[] }> = [
  { prefix: '2079460', free: 3, groups: [2, 4, 4] },
  { prefix: '1614960', free: 3, groups: [3, 3, 4] },
  { prefix: '1214960', free: 3, groups: [3, 3, 4] },
  { prefix: '1134960', free: 3, groups: [3, 3, 4] },
  { prefix: '7700900', free: 3, groups: [4, 6] },
];

const plans: Record<CorpusPhoneCountry, CountryPlan> = {
  US: {
    callingCode: '1',
    nsn: (r) => `${r.pick(usAreaCodes)}55501${digits(r, 2)}`,
    groups: () => [3, 3, 4],
    national: [(g) => `(${g[0]}) ${g[1]}-${g[2]}`, (g) => g.join('-'), (g) => g.join('.'), (g) => g.join(' ')],
  },
  GB: {
    callingCode: '44',
    nsn: (r) => {
      const range = r.pick(gbRanges);
      return range.prefix + digits(r, range.free);
    },
    groups: (nsn) => gbRanges.find((range) => nsn.startsWith(range.prefix))!.groups,
    national: [(g) => `0${g.join(' ')}`, (_g, nsn) => `0${nsn}`],
  },
  AU: {
    callingCode: '61',
    nsn: (r) => `491570${digits(r, 3)}`,
    groups: () => [3, 3, 3],
    national: [(g) => `0${g.join(' ')}`, (_g, nsn) => `0${nsn}`, (g) => `0${g[0]}-${g[1]}-${g[2]}`],
  },
  DE: {
    callingCode: '49',
    nsn: (r) => `15${r.pick(['1', '2', '5', '7', '9'])}${digits(r, 8)}`,
    groups: () => [3, 8],
    national: [(g) => `0${g[0]} ${g[1]}`, (g) => `0${g[0]}/${g[1]}`, (_g, nsn) => `0${nsn}`],
  },
  ES: {
    callingCode: '34',
    nsn: (r) => `6${r.int(0, 9)}${digits(r, 7)}`,
    groups: () => [3, 3, 3],
    national: [(g) => g.join(' '), (_g, nsn) => nsn, (g) => g.join('.')],
  },
  FR: {
    callingCode: '33',
    nsn: (r) => `6${r.pick(['0', '1', '2', '4', '5', '6', '7', '8'])}${digits(r, 7)}`,
    groups: () => [1, 2, 2, 2, 2],
    national: [(g) => `0${g.join(' ')}`, (g) => `0${g.join('.')}`, (_g, nsn) => `0${nsn}`],
  },
  IT: {
    callingCode: '39',
    nsn: (r) => `3${r.pick(['2', '3', '4', '5', '8', '9'])}${digits(r, 8)}`,
    groups: () => [3, 3, 4],
    national: [(g) => g.join(' '), (g) => `${g[0]} ${g[1]}${g[2]}`, (g) => `${g[0]}/${g[1]}${g[2]}`],
  },
  PL: {
    callingCode: '48',
    nsn: (r) => `${r.pick(['50', '51', '53', '57', '60', '66', '69', '72', '73', '78', '79', '88'])}${digits(r, 7)}`,
    groups: () => [3, 3, 3],
    national: [(g) => g.join(' '), (g) => g.join('-'), (_g, nsn) => nsn],
  },
  RO: {
    callingCode: '40',
    nsn: (r) => `7${r.int(2, 6)}${digits(r, 7)}`,
    groups: () => [3, 3, 3],
    national: [(g) => `0${g.join(' ')}`, (_g, nsn) => `0${nsn}`, (g) => `0${g[0]}.${g[1]}.${g[2]}`],
  },
  NL: {
    callingCode: '31',
    nsn: (r) => `6${r.int(1, 5)}${digits(r, 7)}`,
    groups: () => [1, 8],
    national: [(g) => `0${g[0]}-${g[1]}`, (g) => `0${g[0]} ${g[1]}`, (_g, nsn) => `0${nsn}`],
  },
  PT: {
    callingCode: '351',
    nsn: (r) => `9${r.pick(['1', '2', '3', '6'])}${digits(r, 7)}`,
    groups: () => [3, 3, 3],
    national: [(g) => g.join(' '), (_g, nsn) => nsn],
  },
  RU: {
    callingCode: '7',
    nsn: (r) => `9${r.pick(['0', '1', '2', '5', '6', '8'])}${digits(r, 8)}`,
    groups: () => [3, 3, 2, 2],
    national: [(g) => `8 (${g[0]}) ${g[1]}-${g[2]}-${g[3]}`, (g) => `8 ${g.join(' ')}`, (_g, nsn) => `8${nsn}`],
  },
  UA: {
    callingCode: '380',
    nsn: (r) => `${r.pick(['50', '63', '66', '67', '68', '73', '93', '95', '96', '97', '98', '99'])}${digits(r, 7)}`,
    groups: () => [2, 3, 2, 2],
    national: [(g) => `0${g[0]} ${g[1]} ${g[2]} ${g[3]}`, (g) => `(0${g[0]}) ${g[1]}-${g[2]}-${g[3]}`, (_g, nsn) => `0${nsn}`],
  },
};

export function corpusPhone(random: SeededRandom, country: CorpusPhoneCountry): CorpusPhone {
  const plan = plans[country];
  const nsn = plan.nsn(random);
  return { country, nsn, e164: `+${plan.callingCode}${nsn}` };
}

function grouped(phone: CorpusPhone): string[] {
  const parts: string[] = [];
  let offset = 0;
  for (const size of plans[phone.country].groups(phone.nsn)) {
    parts.push(phone.nsn.slice(offset, offset + size));
    offset += size;
  }
  return parts;
}

/** A national written form: readable only with the country known. */
export function nationalForm(random: SeededRandom, phone: CorpusPhone): string {
  return random.pick(plans[phone.country].national)(grouped(phone), phone.nsn);
}

/**
 * An international written form: "+44 20 7946 0123", "+442079460123", "+44-20-7946-0123", and
 * "0044 ..." where the reader's country dials 00 abroad (`idd00`: Europe, not North America).
 */
export function internationalForm(random: SeededRandom, phone: CorpusPhone, options: { idd00: boolean }): string {
  const code = plans[phone.country].callingCode;
  const groups = grouped(phone);
  const roll = random.int(0, 9);
  if (roll < 5) return `+${code} ${groups.join(' ')}`;
  if (roll < 7) return phone.e164;
  if (roll < 9) return `+${code}-${groups.join('-')}`;
  if (code === '1') return `+1 (${groups[0]}) ${groups[1]}-${groups[2]}`;
  // The international call prefix instead of "+", as Europeans often write it.
  return options.idd00 ? `00${code} ${groups.join(' ')}` : `+${code} ${groups.join(' ')}`;
}
