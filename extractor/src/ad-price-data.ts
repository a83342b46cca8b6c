import type { RatePeriod } from '@indicia/core';

/**
 * Currency symbols, codes and words, lowercased, with their ISO 4217 code. Words in the languages
 * of the ads this tool reads first (EN/ES/FR/DE/IT/PT/RO/NL/PL/RU/UA/CN).
 */
export const currencyTokens: Record<string, string> = {
  '€': 'EUR', eur: 'EUR', euro: 'EUR', euros: 'EUR', евро: 'EUR', євро: 'EUR', 欧元: 'EUR',
  'us$': 'USD', usd: 'USD', dollar: 'USD', dollars: 'USD', dólar: 'USD', dólares: 'USD', dolar: 'USD', dolares: 'USD',
  dolarów: 'USD', dolari: 'USD', доллар: 'USD', доллара: 'USD', долларов: 'USD', долар: 'USD', доларів: 'USD', 美元: 'USD',
  'a$': 'AUD', 'au$': 'AUD', aud: 'AUD', 'c$': 'CAD', 'ca$': 'CAD', cad: 'CAD', 'nz$': 'NZD', nzd: 'NZD',
  'r$': 'BRL', brl: 'BRL', 'mx$': 'MXN', mxn: 'MXN', 'hk$': 'HKD', hkd: 'HKD', 's$': 'SGD', sgd: 'SGD',
  '£': 'GBP', gbp: 'GBP', pound: 'GBP', pounds: 'GBP', quid: 'GBP', libras: 'GBP', libra: 'GBP', 英镑: 'GBP',
  zł: 'PLN', zl: 'PLN', pln: 'PLN', złotych: 'PLN', zlotych: 'PLN', złote: 'PLN', złoty: 'PLN',
  '₽': 'RUB', rub: 'RUB', руб: 'RUB', 'руб.': 'RUB', рублей: 'RUB', рубля: 'RUB', рубль: 'RUB', 'р.': 'RUB',
  '₴': 'UAH', uah: 'UAH', грн: 'UAH', 'грн.': 'UAH', гривень: 'UAH', гривен: 'UAH', гривні: 'UAH',
  lei: 'RON', ron: 'RON', chf: 'CHF', franken: 'CHF', czk: 'CZK', kč: 'CZK', huf: 'HUF', forint: 'HUF',
  bgn: 'BGN', лв: 'BGN', 'лв.': 'BGN', '₺': 'TRY', try: 'TRY', tl: 'TRY', aed: 'AED', dirham: 'AED', dirhams: 'AED',
  sek: 'SEK', nok: 'NOK', dkk: 'DKK', '₹': 'INR', inr: 'INR', '฿': 'THB', thb: 'THB', jpy: 'JPY',
  cny: 'CNY', rmb: 'CNY', yuan: 'CNY', 元: 'CNY', 人民币: 'CNY', 块: 'CNY',
};

/** Symbols that several currencies share: read by the page's country, else the most common one. */
export const sharedSymbols: Record<string, { fallback: string; byCountry: Record<string, string> }> = {
  $: { fallback: 'USD', byCountry: { AU: 'AUD', CA: 'CAD', NZ: 'NZD', MX: 'MXN', HK: 'HKD', SG: 'SGD', AR: 'ARS', CL: 'CLP', CO: 'COP' } },
  kr: { fallback: 'SEK', byCountry: { NO: 'NOK', DK: 'DKK', IS: 'ISK' } },
  '¥': { fallback: 'CNY', byCountry: { JP: 'JPY' } },
};

/**
 * Tokens written before the amount in most ads ("$200", "£150", "€1500"): the amount is looked for
 * after them first. The rest (codes, words, "zł", "lei") are looked for after the amount first.
 */
export const prefixTokens = new Set(['$', 'us$', 'a$', 'au$', 'c$', 'ca$', 'nz$', 'r$', 'mx$', 'hk$', 's$', '£', '€', '¥', '₹', '₺', '฿', '₴', '₽']);

/** Short letter tokens count only in capitals ("TRY", "RUB", "RON": lowercase they are words and names) — except these. */
export const lowercaseCodesAllowed = new Set(['eur', 'usd', 'gbp', 'pln', 'chf', 'czk', 'uah', 'aud', 'lei', 'zl', 'kr']);

/** Period words, lowercased, for "per X", "/X", "X: 150€". */
export const periodWords: Record<string, RatePeriod> = {
  hour: 'hour', hours: 'hour', hr: 'hour', hrs: 'hour', h: 'hour', hora: 'hour', heure: 'hour', stunde: 'hour', std: 'hour',
  ora: 'hour', oră: 'hour', godzina: 'hour', godzinę: 'hour', godz: 'hour', час: 'hour', година: 'hour', годину: 'hour',
  uur: 'hour', 小时: 'hour',
  night: 'night', overnight: 'night', nacht: 'night', noche: 'night', nuit: 'night', notte: 'night', noapte: 'night',
  noc: 'night', ночь: 'night', ніч: 'night', 夜: 'night',
  day: 'day', tag: 'day', día: 'day', dia: 'day', jour: 'day', giorno: 'day', zi: 'day', dzień: 'day', dzien: 'day',
  день: 'day', добу: 'day', dag: 'day', 天: 'day',
  weekend: 'weekend', wochenende: 'weekend',
  week: 'week', woche: 'week', semana: 'week', semaine: 'week', settimana: 'week', săptămână: 'week', saptamana: 'week',
  tydzień: 'week', tydzien: 'week', неделю: 'week', неделя: 'week', тиждень: 'week', 周: 'week',
  month: 'month', mo: 'month', mes: 'month', mês: 'month', mois: 'month', monat: 'month', mese: 'month', lună: 'month',
  luna: 'month', miesiąc: 'month', miesiac: 'month', mies: 'month', месяц: 'month', мес: 'month', місяць: 'month',
  міс: 'month', maand: 'month', 月: 'month',
  year: 'year', yr: 'year', año: 'year', jahr: 'year', anno: 'year', rok: 'year', год: 'year', рік: 'year', jaar: 'year', 年: 'year',
};

/** Words that say the period on their own: "€1500 monthly", "2000 zł miesięcznie". */
export const periodAdverbs: Record<string, RatePeriod> = {
  hourly: 'hour', stündlich: 'hour',
  nightly: 'night',
  daily: 'day', diario: 'day', dziennie: 'day', täglich: 'day', quotidien: 'day', giornaliero: 'day', zilnic: 'day',
  ежедневно: 'day', dagelijks: 'day',
  weekly: 'week', semanal: 'week', tygodniowo: 'week', wöchentlich: 'week', hebdomadaire: 'week', settimanale: 'week',
  wekelijks: 'week', săptămânal: 'week', еженедельно: 'week', щотижня: 'week',
  monthly: 'month', mensual: 'month', mensuales: 'month', miesięcznie: 'month', miesiecznie: 'month', monatlich: 'month',
  mensuel: 'month', mensuels: 'month', mensile: 'month', mensili: 'month', mensal: 'month', maandelijks: 'month',
  lunar: 'month', ежемесячно: 'month', щомісяця: 'month', 每月: 'month',
  yearly: 'year', annually: 'year', anual: 'year', jährlich: 'year', rocznie: 'year',
};

/** What joins an amount to its period: "/", "per", "a", "al", "pe", "в", "za"... */
export const periodConnectors = ['/', 'per', 'a', 'an', 'each', 'every', 'pro', 'im', 'par', 'por', 'al', 'pe', 'à', 'il', 'w', 'na', 'za', 'в', 'за', 'на', 'op', 'ao', 'em', 'la', 'a la', 'por la', 'for', 'for 1'];

/** Units of a duration ("30 min", "2 hours", "1h") and the minutes each stands for. */
export const durationUnits: Record<string, number> = {
  min: 1, mins: 1, minute: 1, minutes: 1, minuto: 1, minutos: 1, minuten: 1, minuti: 1, minut: 1, minuty: 1, мин: 1, хв: 1, 分钟: 1,
  h: 60, hr: 60, hrs: 60, hour: 60, hours: 60, hora: 60, horas: 60, heure: 60, heures: 60, std: 60, stunde: 60, stunden: 60,
  ora: 60, ore: 60, godz: 60, godzina: 60, godziny: 60, godzin: 60, час: 60, часа: 60, часов: 60, година: 60, години: 60, uur: 60, 小时: 60,
};

/** Minutes of a duration → the period it names; others (e.g. 20 minutes) are not a known period. */
export const periodByMinutes: Record<number, RatePeriod> = {
  15: '15min', 30: '30min', 45: '45min', 60: 'hour', 90: '90min', 120: '2hours', 180: '3hours', 1440: 'day',
};
