import type { RecruitmentLanguage } from './recruitment-languages.js';

/**
 * Dates as people write them. Never an all-digit form such as 2025-04-22 in visible text: with a
 * default country, phone parsers read that as a number.
 */
const monthNames: Record<RecruitmentLanguage, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  ro: ['ianuarie', 'februarie', 'martie', 'aprilie', 'mai', 'iunie', 'iulie', 'august', 'septembrie', 'octombrie', 'noiembrie', 'decembrie'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  pl: ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
};

function parts(isoDate: string): { year: number; month: number; day: number } {
  const [year, month, day] = isoDate.split('-').map(Number);
  return { year: year ?? 2025, month: month ?? 1, day: day ?? 1 };
}

const humanDates = new Map<string, string>();

/** "2025-06-01" → "June 1, 2025" (the classifieds site is American-English). */
export function humanDate(isoDate: string): string {
  let human = humanDates.get(isoDate);
  if (human === undefined) {
    const { year, month, day } = parts(isoDate);
    human = `${monthNames.en[month - 1]} ${day}, ${year}`;
    humanDates.set(isoDate, human);
  }
  return human;
}

/** "2025-06-01" → "1 June 2025", "1 de junio de 2025", "1 июня 2025 г."... */
export function localizedDate(isoDate: string, language: RecruitmentLanguage): string {
  const { year, month, day } = parts(isoDate);
  const name = monthNames[language][month - 1];
  switch (language) {
    case 'es':
      return `${day} de ${name} de ${year}`;
    case 'ru':
      return `${day} ${name} ${year} г.`;
    default:
      return `${day} ${name} ${year}`;
  }
}

const httpDates = new Map<string, string>();

/** The Last-Modified form of a posting day: "Sun, 01 Jun 2025 12:00:00 GMT". */
export function httpDate(isoDate: string): string {
  let http = httpDates.get(isoDate);
  if (http === undefined) {
    http = new Date(`${isoDate}T12:00:00Z`).toUTCString();
    httpDates.set(isoDate, http);
  }
  return http;
}
