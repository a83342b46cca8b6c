import type { AdContacts } from './ad-model.js';
import { writeEmail, type EmailStyle } from './obfuscation/email-obfuscation.js';
import type { NumberWordLanguage } from './obfuscation/number-words-data.js';
import { obfuscatePhone, type PhoneObfuscationStyle } from './obfuscation/phone-obfuscation.js';
import type { Operator } from './operators.js';
import type { SeededRandom } from './random.js';

/** Share of ads that hide a contact from filters, as issue 3 asks of the crawl test. */
const disguisedShare = 0.25;

const phoneDisguises = (language: NumberWordLanguage): readonly PhoneObfuscationStyle[] => [
  `number-words:${language}`, 'words-run-together', 'words-mixed-digits', 'letters-for-digits',
  'separators:stars', 'separators:mixed', 'separators:doubled', 'separators:digit-spaced',
  'unicode:fullwidth', 'unicode:math-bold', 'unicode:circled', 'emoji-keycaps',
];
/** Word forms are only trusted on real TLDs, so only addresses on example.com/.net/.org are disguised. */
const emailDisguises: readonly EmailStyle[] = ['email:at-dot-parens', 'email:at-dot-brackets', 'email:at-dot-spaced', 'email:at-dot-upper', 'email:spaced-at', 'email:at-word-only', 'email:defanged-symbols'];
const disguisableEmail = /@example\.(?:com|net|org)$/i;

/**
 * Rewrites one contact of some ads in a disguise, and adds the operator's wallet and site to some.
 * Runs after every other draw of the ad, so ads keep the rest of their content. A disguised number
 * loses its tel:/sms:/wa.me links: an ad that hides its number from filters does not link it.
 */
export function disguiseContacts(random: SeededRandom, contacts: AdContacts, context: { language: NumberWordLanguage; operator: Operator }): AdContacts {
  const disguised: AdContacts = { ...contacts, phones: [...contacts.phones] };
  if (random.chance(disguisedShare)) {
    const email = contacts.emails[0];
    const emailFits = email !== undefined && disguisableEmail.test(email);
    const first = contacts.phones[0];
    if (first && (!emailFits || random.chance(0.7))) {
      const style = random.pick(phoneDisguises(context.language));
      const written = obfuscatePhone(first.text, style, random, { language: context.language });
      disguised.phones[0] = { ...first, ...written };
      if (disguised.call === first.phone) delete disguised.call;
      if (disguised.sms === first.phone) delete disguised.sms;
      if (disguised.whatsapp === first.phone) delete disguised.whatsapp;
    } else if (emailFits) {
      const style = random.pick(emailDisguises);
      const [local, domain] = email.split('@') as [string, string];
      disguised.disguisedEmail = { address: email, style, text: writeEmail({ written: email, local, domain, value: email.toLowerCase() }, style, random) };
    }
  }
  if (context.operator.wallet && random.chance(0.4)) disguised.wallet = context.operator.wallet;
  if (context.operator.website && random.chance(0.5)) disguised.website = context.operator.website;
  return disguised;
}
