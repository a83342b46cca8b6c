import type { PhoneCountry } from './phone-regions.js';
import type { RecruitmentLanguage } from './recruitment-languages.js';

/** Where a job offer sends people. The text names the city and country in the ad's language. */
export interface Destination {
  slug: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  currency: string;
  names: Record<RecruitmentLanguage, { city: string; country: string }>;
}

export const destinations: readonly Destination[] = [
  {
    slug: 'dubai', country: 'AE', currency: '$',
    names: {
      en: { city: 'Dubai', country: 'United Arab Emirates' }, es: { city: 'Dubái', country: 'Emiratos Árabes Unidos' },
      ro: { city: 'Dubai', country: 'Emiratele Arabe Unite' }, ru: { city: 'Дубай', country: 'ОАЭ' },
      pl: { city: 'Dubaj', country: 'Zjednoczone Emiraty Arabskie' },
    },
  },
  {
    slug: 'istanbul', country: 'TR', currency: '€',
    names: {
      en: { city: 'Istanbul', country: 'Turkey' }, es: { city: 'Estambul', country: 'Turquía' }, ro: { city: 'Istanbul', country: 'Turcia' },
      ru: { city: 'Стамбул', country: 'Турция' }, pl: { city: 'Stambuł', country: 'Turcja' },
    },
  },
  {
    slug: 'madrid', country: 'ES', currency: '€',
    names: {
      en: { city: 'Madrid', country: 'Spain' }, es: { city: 'Madrid', country: 'España' }, ro: { city: 'Madrid', country: 'Spania' },
      ru: { city: 'Мадрид', country: 'Испания' }, pl: { city: 'Madryt', country: 'Hiszpania' },
    },
  },
  {
    slug: 'berlin', country: 'DE', currency: '€',
    names: {
      en: { city: 'Berlin', country: 'Germany' }, es: { city: 'Berlín', country: 'Alemania' }, ro: { city: 'Berlin', country: 'Germania' },
      ru: { city: 'Берлин', country: 'Германия' }, pl: { city: 'Berlin', country: 'Niemcy' },
    },
  },
  {
    slug: 'milan', country: 'IT', currency: '€',
    names: {
      en: { city: 'Milan', country: 'Italy' }, es: { city: 'Milán', country: 'Italia' }, ro: { city: 'Milano', country: 'Italia' },
      ru: { city: 'Милан', country: 'Италия' }, pl: { city: 'Mediolan', country: 'Włochy' },
    },
  },
  {
    slug: 'limassol', country: 'CY', currency: '€',
    names: {
      en: { city: 'Limassol', country: 'Cyprus' }, es: { city: 'Limasol', country: 'Chipre' }, ro: { city: 'Limassol', country: 'Cipru' },
      ru: { city: 'Лимасол', country: 'Кипр' }, pl: { city: 'Limassol', country: 'Cypr' },
    },
  },
  {
    slug: 'amsterdam', country: 'NL', currency: '€',
    names: {
      en: { city: 'Amsterdam', country: 'Netherlands' }, es: { city: 'Ámsterdam', country: 'Países Bajos' }, ro: { city: 'Amsterdam', country: 'Țările de Jos' },
      ru: { city: 'Амстердам', country: 'Нидерланды' }, pl: { city: 'Amsterdam', country: 'Holandia' },
    },
  },
  {
    slug: 'london', country: 'GB', currency: '£',
    names: {
      en: { city: 'London', country: 'United Kingdom' }, es: { city: 'Londres', country: 'Reino Unido' }, ro: { city: 'Londra', country: 'Regatul Unit' },
      ru: { city: 'Лондон', country: 'Великобритания' }, pl: { city: 'Londyn', country: 'Wielka Brytania' },
    },
  },
  {
    slug: 'sydney', country: 'AU', currency: 'A$',
    names: {
      en: { city: 'Sydney', country: 'Australia' }, es: { city: 'Sídney', country: 'Australia' }, ro: { city: 'Sydney', country: 'Australia' },
      ru: { city: 'Сидней', country: 'Австралия' }, pl: { city: 'Sydney', country: 'Australia' },
    },
  },
  {
    slug: 'las-vegas', country: 'US', currency: '$',
    names: {
      en: { city: 'Las Vegas', country: 'United States' }, es: { city: 'Las Vegas', country: 'Estados Unidos' }, ro: { city: 'Las Vegas', country: 'Statele Unite' },
      ru: { city: 'Лас-Вегас', country: 'США' }, pl: { city: 'Las Vegas', country: 'Stany Zjednoczone' },
    },
  },
];

/** The phone country of a destination, when our fictional ranges have numbers local to it. */
export function localPhoneCountry(destination: Destination): PhoneCountry | undefined {
  return destination.country === 'US' || destination.country === 'GB' || destination.country === 'AU' ? destination.country : undefined;
}
