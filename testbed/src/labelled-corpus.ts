import { cryptoContact, emailContact, handleContact, phoneContacts, webContact, type ContactScene } from './labelled-corpus-contacts.js';
import { chineseCityNames, corpusLanguages, corpusNames, corpusPhrases, countryCities, languageCountries, type CorpusLanguage } from './labelled-corpus-phrases-data.js';
import { PlantingWriter, type PlannedContact } from './labelled-corpus-writer.js';
import type { LabelledIndicator, LabelledText } from './labelled-text.js';
import type { CorpusPhoneCountry } from './obfuscation/corpus-phones.js';
import { distractor, distractorStyles, type PlantedDistractor } from './obfuscation/distractors.js';
import { randomStreams, SeededRandom } from './random.js';

export interface LabelledCorpusOptions {
  seed?: number;
  /** Number of items. Default 3,000. */
  size?: number;
}

const defaultSeed = 1;
const defaultSize = 3_000;
/** Ads run to about this many characters; prose is added until they do. */
const targetLength = 480;

/** English is the most common ad language; every other language still gets many items. */
const languageWeights: ReadonlyArray<[CorpusLanguage, number]> = corpusLanguages.map((language) => [language, language === 'en' ? 20 : 8]);

/**
 * Ad-like texts (~500 characters) in eleven languages with every planted indicator labelled:
 * phones in every disguise of issue 3, emails, handles, crypto addresses, URLs and domains, beside
 * distractors (dates, prices, measurements, ids...) that must not be read as phones. Item `i` is a
 * function of (seed, i) alone.
 */
export function labelledCorpus(options: LabelledCorpusOptions = {}): LabelledText[] {
  const seed = options.seed ?? defaultSeed;
  const size = options.size ?? defaultSize;
  const items: LabelledText[] = new Array(size);
  for (let index = 0; index < size; index++) items[index] = labelledText(seed, index);
  return items;
}

/** Item `index` of the corpus. */
function labelledText(seed: number, index: number): LabelledText {
  const random = SeededRandom.for(seed, randomStreams.labelledCorpus, index);
  const language = random.weighted(languageWeights);
  const country = random.pick(languageCountries[language]) as CorpusPhoneCountry;
  const hint = random.chance(0.7) ? country : undefined;
  const name = random.pick(corpusNames);
  const city = random.pick(language === 'zh' ? chineseCityNames[country] ?? countryCities[country]! : countryCities[country]!);
  const html = random.chance(0.15);
  const scene: ContactScene = { random, language, country, hint, name, html };

  const contacts = planContacts(scene);
  const distractorCount = random.int(1, 3);
  const planted: PlantedDistractor[] = [];
  const firstStyle = random.int(0, distractorStyles.length - 1);
  const stride = random.int(1, 4);
  for (let i = 0; i < distractorCount; i++) planted.push(distractor(random, distractorStyles[(firstStyle + i * stride) % distractorStyles.length]!, language));

  const phrases = corpusPhrases[language];
  const prose: string[] = [random.pick(phrases.intro)(name, city)];
  const body = random.shuffle([...phrases.body]);
  const text = new PlantingWriter('text');
  // Plain items never read the HTML writer: skipping it halves the cost of a text.
  const page = html ? new PlantingWriter('html') : null;
  const space = language === 'zh' ? '' : ' ';
  const writeProse = (sentence: string) => {
    text.prose(sentence + space);
    page?.prose(sentence + space);
  };
  page?.markup(`<article lang="${language}"><h1>${name}</h1>\n<p>`);
  for (const sentence of prose) writeProse(sentence);
  let bodyIndex = 0;
  for (const item of planted) {
    writeProse(body[bodyIndex++ % body.length]!);
    text.distractor(item.style, item.text);
    page?.distractor(item.style, item.text);
    text.prose(space);
    page?.prose(space);
  }
  // The contacts: in the text for plain items, only in the HTML for HTML items.
  const contactWriter = page ?? text;
  page?.markup('</p>\n<p class="contact">');
  for (const contact of contacts) {
    contactWriter.contact(contact);
    const after = contact.written.includes('://') || contact.written.startsWith('www.') || /\.(?:example|test)$/i.test(contact.written) ? '\n' : random.pick(['. ', ', ', '\n', ' ']);
    if (page) page.markup(after === '\n' ? '<br>\n' : after);
    else text.prose(after);
  }
  page?.markup('</p>\n<p>');
  const closing = random.pick(phrases.closing);
  // HTML items keep their contacts out of the text: their text is shorter by about a contact block.
  const wanted = targetLength - closing.length - (html ? 120 : 0);
  while (text.length < wanted && bodyIndex < body.length * 2) {
    writeProse(body[bodyIndex++ % body.length]!);
  }
  writeProse(closing);
  page?.markup('</p></article>');

  // Contacts are written once each (planContacts keeps one per indicator), in one writer only.
  const expected = (page ?? text).planted;
  return {
    id: `corpus-${seed}-${index}`,
    text: text.toString(),
    ...(page ? { html: page.toString() } : {}),
    ...(hint ? { country: hint } : {}),
    language,
    expected,
    distractors: planted.map((item) => item.style),
    distractorSpans: page ? [...text.distractors, ...page.distractors] : text.distractors,
  };
}

/** Which contacts an item carries; at least one indicator, a phone in most. */
function planContacts(scene: ContactScene): PlannedContact[] {
  const { random } = scene;
  const phoneCount = random.chance(0.06) ? 0 : random.chance(0.2) ? 2 : 1;
  const contacts = phoneContacts(scene, phoneCount);
  if (random.chance(0.4) || contacts.length === 0) contacts.push(emailContact(scene));
  if (random.chance(0.35)) contacts.push(handleContact(scene));
  if (random.chance(0.15)) contacts.push(cryptoContact(scene));
  if (random.chance(0.15)) contacts.push(webContact(scene));
  // An indicator written twice would make "the span of its first occurrence" ambiguous: keep one.
  const seen = new Set<string>();
  const unique = contacts.filter((contact) => {
    const keys = contact.expected.map(keyOf);
    if (keys.some((key) => seen.has(key))) return false;
    for (const key of keys) seen.add(key);
    return true;
  });
  return random.shuffle(unique);
}

function keyOf(indicator: Pick<LabelledIndicator, 'type' | 'platform' | 'value'>): string {
  return `${indicator.type}\u0000${indicator.platform ?? ''}\u0000${indicator.value}`;
}
