import { escapeHtml } from './html.js';
import type { CorpusLanguage } from './labelled-corpus-phrases-data.js';
import { corpusPhrases } from './labelled-corpus-phrases-data.js';
import type { ExpectedIndicator, PlannedContact } from './labelled-corpus-writer.js';
import { corpusCryptoAddress, cryptoLabel, cryptoStyles } from './obfuscation/crypto-addresses.js';
import { corpusEmail, emailStyles, writeEmail, type EmailStyle } from './obfuscation/email-obfuscation.js';
import { corpusHandle, handleLink, labelledHandle, phoneHandleLabel, whatsappLink } from './obfuscation/handle-forms.js';
import { corpusPhone, internationalForm, nationalForm, type CorpusPhone, type CorpusPhoneCountry } from './obfuscation/corpus-phones.js';
import { obfuscatePhone, type PhoneObfuscationStyle } from './obfuscation/phone-obfuscation.js';
import { corpusWebAddress, type WebAddressStyle } from './obfuscation/web-addresses.js';
import type { SeededRandom } from './random.js';

/** What an item knows when it plans its contacts. */
export interface ContactScene {
  random: SeededRandom;
  language: CorpusLanguage;
  /** The country the ad is in. */
  country: CorpusPhoneCountry;
  /** The hint a user passes with the text, if any. */
  hint: CorpusPhoneCountry | undefined;
  name: string;
  html: boolean;
}

type PhoneFamily = 'plain' | 'international' | 'number-words' | 'split-html' | Exclude<PhoneObfuscationStyle, `number-words:${string}`>;

/** Weights of the phone styles: every style often enough to measure, disguised forms most. */
const phoneFamilyWeights: ReadonlyArray<[PhoneFamily, number]> = [
  ['plain', 8], ['international', 8], ['number-words', 22], ['words-run-together', 5], ['words-mixed-digits', 5],
  ['letters-for-digits', 5], ['separators:stars', 4], ['separators:mixed', 4], ['separators:doubled', 4], ['separators:digit-spaced', 4],
  ['unicode:fullwidth', 2], ['unicode:math-bold', 2], ['unicode:math-double-struck', 2], ['unicode:math-monospace', 2], ['unicode:circled', 2],
  ['unicode:dingbat-circled', 2], ['unicode:arabic-indic', 2], ['unicode:devanagari', 2], ['unicode:bengali', 2], ['unicode:thai', 2],
  ['emoji-keycaps', 4],
];

const idd00Countries: ReadonlySet<string> = new Set(['GB', 'DE', 'ES', 'FR', 'IT', 'PL', 'RO', 'NL', 'PT']);

/** A written phone and its style id; national forms only where the reader knows the country. */
function writePhone(scene: ContactScene, phone: CorpusPhone, family: PhoneFamily): { written: string; style: string; html?: PlannedContact['html'] } {
  const { random } = scene;
  const knowsCountry = scene.hint === phone.country;
  const idd00 = scene.hint !== undefined && idd00Countries.has(scene.hint);
  if (family === 'plain') {
    if (knowsCountry) return { written: nationalForm(random, phone), style: 'plain' };
    // No hint: a national number only the prose (language, city) can place.
    if (scene.hint === undefined && phone.country === scene.country) return { written: nationalForm(random, phone), style: 'plain:no-hint' };
    family = 'international';
  }
  if (family === 'international') return { written: internationalForm(random, phone, { idd00 }), style: 'international' };
  const base = knowsCountry && random.chance(0.6) ? nationalForm(random, phone) : internationalForm(random, phone, { idd00 });
  if (family === 'split-html') return { written: base, style: 'split-html', html: { before: '', content: splitAcrossElements(base, random), after: '' } };
  const style: PhoneObfuscationStyle = family === 'number-words' ? numberWordStyle(scene) : family;
  const written = obfuscatePhone(base, style, random, { language: scene.language });
  return { written: written.text, style: written.style };
}

/** Ads spell numbers in their own language; Ukrainian ads among the Russian-language ones. */
function numberWordStyle(scene: ContactScene): PhoneObfuscationStyle {
  if (scene.language === 'ru' && scene.country === 'UA' && scene.random.chance(0.5)) return 'number-words:uk';
  return `number-words:${scene.language}`;
}

const inlineTags = ['span', 'b', 'i', 'em', 'strong', 'span class="d"'] as const;

/** "<span>702</span><b>555</b>0123": the digits cut at two or three places, each piece in an inline element. */
function splitAcrossElements(written: string, random: SeededRandom): string {
  const cuts = new Set<number>();
  const wanted = random.int(2, 3);
  while (cuts.size < wanted) cuts.add(random.int(2, written.length - 2));
  const points = [0, ...[...cuts].sort((a, b) => a - b), written.length];
  let out = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const piece = written.slice(points[i], points[i + 1]);
    const tag = random.pick(inlineTags);
    out += i % 2 === 0 || random.chance(0.5) ? `<${tag}>${piece}</${tag.split(' ')[0]}>` : piece;
  }
  return out;
}

function phoneExpected(phone: CorpusPhone, style: string): ExpectedIndicator {
  return { type: 'phone', value: phone.e164, style };
}

/** The phone contacts of an item: call lines, and sometimes a WhatsApp/Signal label or wa.me link. */
export function phoneContacts(scene: ContactScene, count: number): PlannedContact[] {
  const { random, language } = scene;
  const phrases = corpusPhrases[language];
  const contacts: PlannedContact[] = [];
  for (let i = 0; i < count; i++) {
    const phone = corpusPhone(random, random.chance(0.85) ? scene.country : random.pick(['US', 'GB', 'DE', 'ES', 'FR', 'PL', 'RO', 'UA'] as const));
    const family: PhoneFamily = scene.html && i === 0 && random.chance(0.6) ? 'split-html' : random.weighted(phoneFamilyWeights);
    const written = writePhone(scene, phone, family);
    const roll = random.next();
    if (roll < 0.12) {
      const platform = roll < 0.1 ? 'whatsapp' : 'signal';
      contacts.push({
        lead: phoneHandleLabel(platform, random),
        written: written.written,
        ...(written.html ? { html: written.html } : {}),
        expected: [phoneExpected(phone, written.style), { type: 'handle', platform, value: phone.e164, style: 'handle:label' }],
      });
    } else {
      contacts.push({ lead: random.pick(phrases.call), written: written.written, ...(written.html ? { html: written.html } : {}), expected: [phoneExpected(phone, written.style)] });
    }
  }
  if (random.chance(0.1)) {
    const phone = corpusPhone(random, scene.country);
    const link = whatsappLink(phone.e164, random);
    const expected: ExpectedIndicator[] = [phoneExpected(phone, 'whatsapp-link'), { type: 'handle', platform: 'whatsapp', value: phone.e164, style: 'handle:link' }];
    contacts.push(scene.html
      ? { lead: '', written: link, html: { before: '<a href="', content: escapeHtml(absolute(link)), after: '">WhatsApp</a>' }, expected }
      : { lead: 'WhatsApp ', written: link, expected });
  }
  return contacts;
}

function absolute(link: string): string {
  return /^[a-z]+:/i.test(link) ? link : `https://${link}`;
}

const mailtoTexts = ['Email me', 'Write me', 'Contact', '✉'] as const;

export function emailContact(scene: ContactScene): PlannedContact {
  const { random, language } = scene;
  const style: EmailStyle = random.pick(emailStyles);
  const email = corpusEmail(random, scene.name, style);
  const expected: ExpectedIndicator[] = [{ type: 'email', value: email.value, style }];
  const lead = random.pick(corpusPhrases[language].email);
  const written = writeEmail(email, style, random);
  if (!scene.html) return { lead, written, expected };
  if (style === 'email:mailto') {
    return { lead: '', written, html: { before: '<a href="mailto:', content: escapeHtml(email.written), after: `">${random.pick(mailtoTexts)}</a>` }, expected };
  }
  // In HTML source an entity-encoded address is simply markup: written as is, not escaped again.
  if (style === 'email:entity-encoded') return { lead, written, html: { before: '', content: written, after: '' }, expected };
  return { lead, written, expected };
}

export function handleContact(scene: ContactScene): PlannedContact {
  const { random } = scene;
  const asLink = random.chance(0.4);
  const handle = corpusHandle(random, scene.name, { forLink: asLink && !scene.html });
  const style = asLink ? 'handle:link' : 'handle:label';
  const expected: ExpectedIndicator[] = [{ type: 'handle', platform: handle.platform, value: handle.value, style }];
  if (!asLink) return { lead: '', written: labelledHandle(handle, scene.language, random), expected };
  const link = handleLink(handle, random);
  if (!scene.html) return { lead: random.pick(['', 'Follow me ', '→ ']), written: link, expected };
  const label = handle.platform.charAt(0).toUpperCase() + handle.platform.slice(1);
  return { lead: '', written: link, html: { before: '<a href="', content: escapeHtml(absolute(link)), after: `">${label}</a>` }, expected };
}

export function cryptoContact(scene: ContactScene): PlannedContact {
  const { random } = scene;
  const style = random.pick(cryptoStyles);
  const address = corpusCryptoAddress(random, style);
  return {
    lead: random.pick(corpusPhrases[scene.language].pay) + cryptoLabel(address.chain, random),
    written: address.written,
    expected: [{ type: 'crypto', chain: address.chain, value: address.value, style }],
  };
}

const webStyleWeights: ReadonlyArray<[WebAddressStyle, number]> = [['url', 5], ['url:www', 2], ['domain', 3]];

export function webContact(scene: ContactScene): PlannedContact {
  const { random } = scene;
  const style = random.weighted(webStyleWeights);
  const address = corpusWebAddress(random, scene.name, style);
  const expected: ExpectedIndicator[] = [];
  if (address.url !== undefined) expected.push({ type: 'url', value: address.url, style });
  expected.push({ type: 'domain', value: address.domain, style });
  return { lead: random.pick(corpusPhrases[scene.language].site), written: address.written, expected };
}
