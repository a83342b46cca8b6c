import type { AdContacts, AdVisibility, ClassifiedsAd, WrittenPhone } from './ad-model.js';
import { postedDate } from './ad-model.js';
import { classifiedsCities, cityBySlug, type ClassifiedsCity } from './classifieds-cities.js';
import { disguiseContacts } from './ad-disguise.js';
import { cryptoTicker } from './obfuscation/crypto-addresses.js';
import { chooseOperator } from './operator-choice.js';
import { citiesOfCountry, personas, type Operator } from './operators.js';
import { formatPhone, internationalStyles, nationalStyles, type PhoneStyle } from './phone-formats.js';
import type { FictionalPhone } from './phone-regions.js';
import type { SeededRandom } from './random.js';
import { classifiedsHost } from './site-hosts.js';

const titleShapes: ReadonlyArray<(name: string, age: number, city: string) => string> = [
  (name, age, city) => `${name}, ${age} — new in ${city}`,
  (name, age, city) => `Sweet ${name} (${age}) available today in ${city}`,
  (name, _age, city) => `Relaxing massage by ${name} in ${city}`,
  (name, _age, city) => `${name}: discreet companion in ${city}`,
  (name, age, city) => `Elegant ${name}, ${age}, visiting ${city} this week`,
];
const introShapes: ReadonlyArray<(name: string, age: number, city: string) => string> = [
  (name, age, city) => `Hi gentlemen, I am ${name}, ${age} years old, visiting ${city} for a few days.`,
  (name, age) => `New girl in town! My name is ${name} and I am ${age}.`,
  (name) => `Hello, I'm ${name}. Friendly, discreet and always on time.`,
];
const serviceLines = [
  'Incall and outcall, clean and private apartment.',
  'Relaxing massage and good company. Available day and night.',
  'Hotel visits only. Appointments with 30 minutes notice.',
];
const callShapes: ReadonlyArray<(phone: string) => string> = [
  (phone) => `Call or text ${phone}.`,
  (phone) => `Text me on ${phone}, no private numbers.`,
  (phone) => `Booking line: ${phone}.`,
  (phone) => `WhatsApp or call ${phone}.`,
];
const currencies = { US: '$', GB: '£', AU: 'A$' } as const;

/** The draws that place an ad (operator, city): cheap, and the first draws of the full ad too. */
export function classifiedsPlacement(random: SeededRandom, operators: readonly Operator[]): { operator: Operator; city: ClassifiedsCity } {
  const operator = chooseOperator(random, operators);
  const slug = random.chance(0.8) ? operator.homeCitySlug : random.pick(citiesOfCountry(operator.country));
  return { operator, city: cityBySlug(slug) ?? classifiedsCities[0]! };
}

export function classifiedsPath(id: number, visibility: AdVisibility): string {
  return visibility === 'public' ? `/ads/${id}` : `/private/ads/${id}`;
}

export function generateClassifiedsAd(random: SeededRandom, operators: readonly Operator[], localIndex: number, visibility: AdVisibility): ClassifiedsAd {
  const { operator, city } = classifiedsPlacement(random, operators);
  const name = random.chance(0.7) ? operator.persona : random.pick(personas);
  const age = random.int(19, 34);
  const price = { amount: pricePerHour(random, city), currency: currencies[city.country] };
  const title = random.pick(titleShapes)(name, age, city.name);
  const postedAt = postedDate(random.int(0, 120));
  const plainContacts = classifiedsContacts(random, operator);
  const phrasing = random.int(0, 1_000_000);
  const contacts = disguiseContacts(random, plainContacts, { language: 'en', operator });
  const paragraphs = [
    introShapes[phrasing % introShapes.length]!(name, age, city.name),
    `${serviceLines[(phrasing >> 2) % serviceLines.length]} Rates from ${price.currency}${price.amount} per hour.`,
    contactLine(contacts, phrasing),
  ];
  const id = localIndex + 1;
  const path = classifiedsPath(id, visibility);
  return {
    kind: 'classifieds', visibility, localIndex, id, host: classifiedsHost, path, url: `http://${classifiedsHost}${path}`,
    operator, title, language: 'en', htmlLang: 'en', country: city.country, price, age, postedAt, paragraphs, contacts,
    phrasing, city, name,
  };
}

function pricePerHour(random: SeededRandom, city: ClassifiedsCity): number {
  const [low, high] = city.country === 'GB' ? [10, 30] : city.country === 'AU' ? [20, 50] : [15, 40];
  return random.int(low, high) * 10;
}

/** Every classifieds ad shows at least one number: the listing card repeats the first one. */
function classifiedsContacts(random: SeededRandom, operator: Operator): AdContacts {
  const first = random.pick(operator.phones);
  const others = operator.phones.filter((phone) => phone !== first);
  const second = others.length > 0 && random.chance(0.3) ? random.pick(others) : undefined;
  const phones: WrittenPhone[] = [first, second].filter((phone) => phone !== undefined).map((phone) => ({ phone, text: writeLocalNumber(random, phone) }));
  const email = operator.emails.length > 0 && random.chance(0.35) ? random.pick(operator.emails) : undefined;
  const handles: AdContacts['handles'] = [];
  for (const handle of operator.handles) {
    if (handle.platform === 'telegram' && random.chance(0.35)) handles.push({ ...handle, form: 'text' });
    if (handle.platform === 'snapchat' && random.chance(0.25)) handles.push({ ...handle, form: 'text' });
  }
  return {
    phones,
    whatsapp: random.chance(0.5) ? first : undefined,
    call: first,
    sms: random.chance(0.5) ? first : undefined,
    emails: email === undefined ? [] : [email],
    handles,
  };
}

/** The location line names the country, so a national number is unambiguous here. */
function writeLocalNumber(random: SeededRandom, phone: FictionalPhone): string {
  const styles: readonly PhoneStyle[] = random.chance(0.6) ? nationalStyles[phone.region.country] : internationalStyles;
  return formatPhone(phone, random.pick(styles));
}

function contactLine(contacts: AdContacts, phrasing: number): string {
  const [first, second] = contacts.phones;
  const parts = [callShapes[(phrasing >> 4) % callShapes.length]!(first!.text)];
  if (second) parts.push(`Second number: ${second.text}.`);
  for (const email of contacts.emails) parts.push(`Email: ${email === contacts.disguisedEmail?.address ? contacts.disguisedEmail.text : email}`);
  for (const handle of contacts.handles) parts.push(handle.platform === 'telegram' ? `Telegram: @${handle.value}` : `Snap: ${handle.value}`);
  if (contacts.wallet) parts.push(`Deposit by ${cryptoTicker[contacts.wallet.chain]}: ${contacts.wallet.written}`);
  if (contacts.website) parts.push(`More photos on ${contacts.website.written}`);
  return parts.join(' ');
}
