import { domainToASCII } from 'node:url';
import type { SeededRandom } from '../random.js';

/**
 * Written forms of an email address. Addresses use reserved names only. Disguised forms use
 * example.com/.net/.org, whose TLDs are real: a reader (and a careful extractor) only trusts
 * "anna at example dot com" when the domain ends in a real TLD.
 */
export const emailStyles = [
  'email:plain',
  'email:idn',
  'email:at-dot-parens',
  'email:at-dot-brackets',
  'email:at-dot-braces',
  'email:at-dot-spaced',
  'email:at-dot-upper',
  'email:at-word-only',
  'email:defanged-symbols',
  'email:spaced-at',
  'email:entity-encoded',
  'email:mailto',
] as const;
export type EmailStyle = (typeof emailStyles)[number];

interface CorpusEmail {
  /** As the ad writes it (capitals and all), before any disguise. */
  written: string;
  /** Normalised: lowercased, IDN domain in punycode. */
  value: string;
  local: string;
  domain: string;
}

const wordDomains = ['example.com', 'example.net', 'example.org', 'mail.example.com', 'inbox.example.org'] as const;
const plainDomains = [...wordDomains, 'vip-girls.example', 'inbox.test', 'mail.example', 'agency-jobs.test'] as const;
const idnDomains = ['bücher.example', 'café-rose.example', 'müller-agentur.test', 'señoritas.example', 'почта.example'] as const;
const localTails = ['vip', 'luxe', 'sweet', 'love', 'x', 'bookings', 'jobs', 'work', 'info', 'hot', 'real', 'only'] as const;

export function corpusEmail(random: SeededRandom, name: string, style: EmailStyle): CorpusEmail {
  const lower = name.toLowerCase();
  const tail = random.pick(localTails);
  const localShapes = [`${lower}.${tail}`, `${lower}_${tail}`, `${tail}.${lower}${random.int(1, 99)}`, `${lower}${random.int(80, 99)}`, `${lower}`];
  let local = random.pick(localShapes);
  if (random.chance(0.2)) local = local.charAt(0).toUpperCase() + local.slice(1);
  else if (random.chance(0.05)) local = local.toUpperCase();
  const unicodeDomain = style === 'email:idn' ? random.pick(idnDomains) : style === 'email:plain' || style === 'email:mailto' ? random.pick(plainDomains) : random.pick(wordDomains);
  const domain = random.chance(0.1) && style !== 'email:idn' ? unicodeDomain.toUpperCase() : unicodeDomain;
  const written = `${local}@${domain}`;
  return { written, local, domain, value: `${local.toLowerCase()}@${domainToASCII(domain.toLowerCase())}` };
}

function wordForm(email: CorpusEmail, at: string, dot: string, options: { dotsInLocal: boolean }): string {
  const local = options.dotsInLocal ? email.local.split('.').join(dot) : email.local;
  return `${local}${at}${email.domain.split('.').join(dot)}`;
}

function entityEncoded(written: string, random: SeededRandom): string {
  // Encode '@' and '.' always, and some letters, in decimal or hex, as spam-averse sites do.
  const hex = random.chance(0.4);
  let out = '';
  for (const char of written) {
    const code = char.codePointAt(0)!;
    const named = char === '@' && random.chance(0.25) ? '&commat;' : char === '.' && random.chance(0.25) ? '&period;' : null;
    if (named) out += named;
    else if (char === '@' || char === '.' || random.chance(0.3)) out += hex ? `&#x${code.toString(16)};` : `&#${code};`;
    else out += char;
  }
  return out;
}

/** The address as written in the style, for running text (mailto: forms are for text that shows the link). */
export function writeEmail(email: CorpusEmail, style: EmailStyle, random: SeededRandom): string {
  switch (style) {
    case 'email:plain':
    case 'email:idn':
      return email.written;
    case 'email:at-dot-parens':
      return wordForm(email, random.pick([' (at) ', '(at)', ' (AT) ']), random.pick([' (dot) ', '(dot)']), { dotsInLocal: random.chance(0.3) });
    case 'email:at-dot-brackets':
      return wordForm(email, random.pick([' [at] ', '[at]', ' [AT] ']), random.pick([' [dot] ', '[dot]']), { dotsInLocal: random.chance(0.3) });
    case 'email:at-dot-braces':
      return wordForm(email, random.pick([' {at} ', '{at}']), random.pick([' {dot} ', '{dot}']), { dotsInLocal: random.chance(0.3) });
    case 'email:at-dot-spaced':
      return wordForm(email, ' at ', ' dot ', { dotsInLocal: false });
    case 'email:at-dot-upper':
      return wordForm(email, ' AT ', random.pick([' DOT ', '.']), { dotsInLocal: false });
    case 'email:at-word-only':
      return `${email.local}${random.pick([' (at) ', ' [at] ', ' AT ', '(at)'])}${email.domain}`;
    case 'email:defanged-symbols':
      return wordForm(email, random.pick(['[@]', '(@)', ' [@] ']), random.pick(['[.]', '(.)']), { dotsInLocal: false });
    case 'email:spaced-at':
      return random.chance(0.6) ? `${email.local} @ ${email.domain}` : `${email.local} @ ${email.domain.split('.').join(' . ')}`;
    case 'email:entity-encoded':
      return entityEncoded(email.written, random);
    case 'email:mailto':
      return `mailto:${email.written}`;
  }
}
