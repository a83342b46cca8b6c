import type { SeededRandom } from '../random.js';

/**
 * Numbers that ads carry beside their contacts and that must never be read as phones: dates,
 * times, prices, body measurements, heights, ages, postal codes, ad ids, view counts and years.
 * Each distractor is a short sentence in the ad's language (English where none is written here).
 */
export const distractorStyles = ['date', 'time', 'price', 'measurements', 'height', 'age', 'postal-code', 'ad-id', 'view-count', 'year', 'year-range'] as const;
type DistractorStyle = (typeof distractorStyles)[number];

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

type Maker = (random: SeededRandom, language: string) => string;
type Shape<T> = Partial<Record<string, (value: T) => string>>;

const dateShapes: Shape<string> = {
  es: (w) => `Disponible desde el ${w}.`, fr: (w) => `Disponible à partir du ${w}.`, de: (w) => `Verfügbar ab ${w}.`, it: (w) => `Disponibile dal ${w}.`,
  pl: (w) => `Dostępna od ${w}.`, ru: (w) => `Доступна с ${w}.`, pt: (w) => `Disponível a partir de ${w}.`, ro: (w) => `Disponibilă din ${w}.`,
  nl: (w) => `Beschikbaar vanaf ${w}.`, zh: (w) => `${w}起可预约。`,
};
const timeShapes: Shape<string> = {
  es: (h) => `Horario ${h}.`, fr: (h) => `Horaires ${h}.`, de: (h) => `Zeiten ${h} Uhr.`, it: (h) => `Orario ${h}.`, pl: (h) => `Godziny ${h}.`,
  ru: (h) => `Время ${h}.`, pt: (h) => `Horário ${h}.`, ro: (h) => `Program ${h}.`, nl: (h) => `Open ${h}.`, zh: (h) => `营业时间 ${h}。`,
};
const ageShapes: Shape<number> = {
  es: (a) => `${a} años.`, fr: (a) => `${a} ans.`, de: (a) => `${a} Jahre alt.`, it: (a) => `${a} anni.`, pl: (a) => `Wiek ${a} lat.`,
  ru: (a) => `Возраст ${a} лет.`, pt: (a) => `${a} anos.`, ro: (a) => `${a} de ani.`, nl: (a) => `${a} jaar.`, zh: (a) => `${a}岁。`,
};
const viewShapes: Shape<number> = {
  es: (v) => `${v} visitas`, fr: (v) => `${v} vues`, de: (v) => `${v} Aufrufe`, it: (v) => `${v} visualizzazioni`, pl: (v) => `${v} wyświetleń`,
  ru: (v) => `${v} просмотров`, pt: (v) => `${v} visualizações`, ro: (v) => `${v} vizualizări`, nl: (v) => `${v} keer bekeken`, zh: (v) => `浏览 ${v} 次`,
};

function date(random: SeededRandom): string {
  const [y, m, d] = [random.int(2019, 2026), random.int(1, 12), random.int(1, 28)];
  return random.pick([`${pad(d)}.${pad(m)}.${y}`, `${y}-${pad(m)}-${pad(d)}`, `${pad(d)}/${pad(m)}/${y}`, `${pad(d)} ${pad(m)} ${y}`, `${m}/${d}/${y}`, `${pad(d)}-${pad(m)}-${y}`]);
}

const makers: Record<DistractorStyle, Maker> = {
  date: (r, lang) => {
    const when = date(r);
    const shape = dateShapes[lang];
    if (shape) return shape(when);
    const roll = r.int(0, 2);
    return roll === 0 ? `Available from ${when}.` : roll === 1 ? `Updated ${when}.` : `In town ${when} to ${date(r)}.`;
  },
  time: (r, lang) => {
    const open = r.int(8, 14);
    const close = r.int(20, 23);
    const hours = r.pick([`${pad(open)}:00-${close}:00`, `${open}.00-${close}.00`, `${pad(open)}:30 - ${close}:30`, `${open}:00–${close}:00`]);
    return (timeShapes[lang] ?? ((h) => `Open ${h} daily.`))(hours);
  },
  price: (r, lang) => {
    const amount = r.int(10, 60) * 10;
    const shapes: Record<string, () => string[]> = {
      en: () => [`Rates: $${amount}/hr, ${amount * 2} USD overnight.`, `£${amount} per hour, ${amount + 50} GBP for 90 min.`, `From A$${amount} an hour.`],
      es: () => [`Tarifa: ${amount} EUR la hora, ${amount * 3} € la noche.`],
      fr: () => [`Tarif ${amount} € de l'heure, ${amount * 3} EUR la nuit.`],
      de: () => [`Preis: ${amount} EUR pro Stunde, ${amount * 3},00 € die Nacht.`],
      it: () => [`Prezzo ${amount} € all'ora, 1.${r.int(100, 900)} € a settimana.`],
      pl: () => [`Cena ${amount * 4} zł za godzinę, 1.${r.int(100, 900)} zł noc.`],
      ru: () => [`Цена ${amount * 50} руб в час, ${amount * 150} ₽ ночь.`],
      pt: () => [`Preço ${amount} € por hora.`],
      ro: () => [`Tarif ${amount * 5} lei pe oră, ${amount} EUR.`],
      nl: () => [`Tarief €${amount} per uur, ${amount * 3} euro per nacht.`],
      zh: () => [`价格 ${amount}元/小时，${amount * 3}元过夜。`],
    };
    return r.pick((shapes[lang] ?? shapes.en!)());
  },
  measurements: (r) => r.pick([`Measurements ${r.int(32, 36)}-${r.int(23, 27)}-${r.int(34, 38)}.`, `${r.int(86, 95)}-${r.int(58, 65)}-${r.int(88, 96)}`, `Stats: ${r.int(32, 36)}${r.pick(['B', 'C', 'D', 'DD'])}-${r.int(23, 27)}-${r.int(34, 38)}.`]),
  height: (r, lang) => {
    const cm = r.int(155, 182);
    const metric = r.pick([`${cm} cm`, `1.${cm - 100} m`, `1,${cm - 100} m`, `${cm}cm`]);
    if (lang === 'en') return r.pick([`Height ${r.int(5, 5)}'${r.int(1, 10)}", ${r.int(50, 65)} kg.`, `${metric}, ${r.int(50, 65)} kg.`]);
    return `${metric} / ${r.int(48, 65)} kg.`;
  },
  age: (r, lang) => {
    const age = r.int(19, 35);
    const shape = ageShapes[lang];
    if (shape) return shape(age);
    const roll = r.int(0, 2);
    return roll === 0 ? `${age} y.o.` : roll === 1 ? `Age ${age}.` : `${age} years old.`;
  },
  'postal-code': (r, lang) => {
    const shapes: Record<string, () => string[]> = {
      en: () => [`Near ${r.pick(['SW1A', 'W1D', 'M1', 'LS1'])} ${r.int(1, 9)}${r.pick(['AA', 'BD', 'XY'])}.`, `Zip ${r.int(10001, 99950)}.`, `Postcode ${r.int(2000, 6999)}.`],
      de: () => [`${r.int(10115, 99998)} ${r.pick(['Berlin', 'Hamburg', 'München'])}, Zentrum.`],
      es: () => [`C.P. ${r.int(28001, 28055)} Madrid.`],
      fr: () => [`${r.int(75001, 75020)} Paris.`],
      it: () => [`CAP ${r.int(20121, 20162)} Milano.`],
      pl: () => [`${pad(r.int(0, 99))}-${String(r.int(1, 999)).padStart(3, '0')} Warszawa.`],
      nl: () => [`${r.int(1011, 1109)} ${r.pick(['AB', 'CD', 'KL'])} Amsterdam.`],
      pt: () => [`${r.int(1000, 1990)}-${String(r.int(1, 999)).padStart(3, '0')} Lisboa.`],
      ro: () => [`Cod poștal ${r.int(10011, 62999)}.`],
      ru: () => [`Индекс ${r.int(101000, 129999)}.`],
      zh: () => [`邮编 ${r.int(100000, 999999)}。`],
    };
    return r.pick((shapes[lang] ?? shapes.en!)());
  },
  'ad-id': (r) => r.pick([`ID: ${r.int(10_000_000, 99_999_999)}`, `Ref ${r.int(2019, 2026)}-${String(r.int(1, 99_999)).padStart(5, '0')}`, `Ad #${r.int(1_000_000, 9_999_999)}`, `Anzeige Nr. ${r.int(100_000_000, 999_999_999)}`, `Ref. ${r.int(1_000_000_000, 9_999_999_999)}`]),
  'view-count': (r, lang) => {
    const views = r.int(1_000, 999_999);
    return (viewShapes[lang] ?? (r.chance(0.5) ? (v) => `${v} views` : (v) => `Viewed ${v} times`))(views);
  },
  year: (r) => r.pick([`Since ${r.int(2010, 2024)}.`, `© ${r.int(2015, 2026)}`, `Est. ${r.int(2005, 2023)}`]),
  'year-range': (r) => `${r.pick(['Experience', 'Active', 'Reviews'])} ${r.int(2012, 2019)}-${r.int(2020, 2026)}.`,
};

export interface PlantedDistractor {
  style: DistractorStyle;
  text: string;
}

export function distractor(random: SeededRandom, style: DistractorStyle, language: string): PlantedDistractor {
  return { style, text: makers[style](random, language) };
}
