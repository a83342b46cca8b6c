import type { RecruitmentLanguage } from './recruitment-languages.js';

/** The jobs offered; the key is also the English slug used in job URLs. */
export const jobTypes = ['hostess', 'waitress', 'au-pair', 'model', 'dancer', 'factory-worker', 'hotel-maid'] as const;
export type JobType = (typeof jobTypes)[number];

/** Everything the recruitment board writes, per language. */
export interface RecruitmentPhrases {
  jobs: Record<JobType, string>;
  title(job: string, city: string, salary: string): string;
  intro(agency: string, ageLimit: number, city: string, country: string): string;
  perks: readonly string[];
  salary(salary: string): string;
  destination: string;
  contact: string;
  phone: string;
  whatsappOnly: string;
  posted: string;
  listingHeading: string;
  previous: string;
  next: string;
  backToListing: string;
}

export const recruitmentPhrases: Record<RecruitmentLanguage, RecruitmentPhrases> = {
  en: {
    jobs: {
      hostess: 'Hostess', waitress: 'Waitress', 'au-pair': 'Au pair', model: 'Model', dancer: 'Dancer',
      'factory-worker': 'Factory worker', 'hotel-maid': 'Hotel maid',
    },
    title: (job, city, salary) => `${job} wanted in ${city} — ${salary} per month`,
    intro: (agency, age, city, country) => `${agency} is hiring girls aged 18 to ${age} for work in ${city}, ${country}.`,
    perks: [
      'Free flight, visa and accommodation. No experience or languages needed.',
      'We pay for your ticket and housing. Start next week, contract for 6 months.',
      'Accommodation provided, transport from the airport included. Documents arranged by us.',
    ],
    salary: (salary) => `Salary from ${salary} per month, paid weekly.`,
    destination: 'Destination',
    contact: 'Apply now',
    phone: 'Phone',
    whatsappOnly: 'Write to us on WhatsApp',
    posted: 'Posted',
    listingHeading: 'Jobs abroad in English',
    previous: 'Previous',
    next: 'Next',
    backToListing: 'All offers',
  },
  es: {
    jobs: {
      hostess: 'Azafata', waitress: 'Camarera', 'au-pair': 'Au pair', model: 'Modelo', dancer: 'Bailarina',
      'factory-worker': 'Operaria de fábrica', 'hotel-maid': 'Camarera de piso',
    },
    title: (job, city, salary) => `Se busca ${job.toLowerCase()} en ${city} — ${salary} al mes`,
    intro: (agency, age, city, country) => `${agency} contrata chicas de 18 a ${age} años para trabajar en ${city}, ${country}.`,
    perks: [
      'Vuelo, visado y alojamiento gratis. No se necesita experiencia ni idiomas.',
      'Pagamos tu billete y tu vivienda. Empiezas la próxima semana, contrato de 6 meses.',
      'Alojamiento incluido y traslado desde el aeropuerto. Nosotros nos ocupamos de los papeles.',
    ],
    salary: (salary) => `Sueldo desde ${salary} al mes, pago semanal.`,
    destination: 'Destino',
    contact: 'Contacto',
    phone: 'Teléfono',
    whatsappOnly: 'Escríbenos por WhatsApp',
    posted: 'Publicado',
    listingHeading: 'Trabajo en el extranjero en español',
    previous: 'Anterior',
    next: 'Siguiente',
    backToListing: 'Todas las ofertas',
  },
  ro: {
    jobs: {
      hostess: 'Hostesă', waitress: 'Ospătăriță', 'au-pair': 'Au pair', model: 'Model', dancer: 'Dansatoare',
      'factory-worker': 'Muncitoare în fabrică', 'hotel-maid': 'Cameristă',
    },
    title: (job, city, salary) => `Căutăm ${job.toLowerCase()} în ${city} — ${salary} pe lună`,
    intro: (agency, age, city, country) => `${agency} angajează fete între 18 și ${age} ani pentru muncă în ${city}, ${country}.`,
    perks: [
      'Zbor, viză și cazare gratuite. Nu este nevoie de experiență sau limbi străine.',
      'Plătim biletul și locuința. Începi săptămâna viitoare, contract pe 6 luni.',
      'Cazare asigurată și transport de la aeroport. Ne ocupăm noi de acte.',
    ],
    salary: (salary) => `Salariu de la ${salary} pe lună, plătit săptămânal.`,
    destination: 'Destinație',
    contact: 'Contact',
    phone: 'Telefon',
    whatsappOnly: 'Scrie-ne pe WhatsApp',
    posted: 'Publicat',
    listingHeading: 'Locuri de muncă în străinătate în limba română',
    previous: 'Înapoi',
    next: 'Înainte',
    backToListing: 'Toate ofertele',
  },
  ru: {
    jobs: {
      hostess: 'Хостес', waitress: 'Официантка', 'au-pair': 'Няня (au pair)', model: 'Модель', dancer: 'Танцовщица',
      'factory-worker': 'Работница на завод', 'hotel-maid': 'Горничная',
    },
    title: (job, city, salary) => `Требуется: ${job.toLowerCase()}, ${city} — ${salary} в месяц`,
    intro: (agency, age, city, country) => `${agency} приглашает девушек от 18 до ${age} лет на работу: ${city}, ${country}.`,
    perks: [
      'Бесплатный перелёт, виза и жильё. Опыт и знание языка не требуются.',
      'Оплачиваем билет и проживание. Выезд на следующей неделе, контракт на 6 месяцев.',
      'Жильё предоставляется, встреча в аэропорту. Документы оформляем сами.',
    ],
    salary: (salary) => `Зарплата от ${salary} в месяц, выплаты каждую неделю.`,
    destination: 'Место работы',
    contact: 'Контакты',
    phone: 'Телефон',
    whatsappOnly: 'Напишите нам в WhatsApp',
    posted: 'Опубликовано',
    listingHeading: 'Работа за границей на русском',
    previous: 'Назад',
    next: 'Вперёд',
    backToListing: 'Все вакансии',
  },
  pl: {
    jobs: {
      hostess: 'Hostessa', waitress: 'Kelnerka', 'au-pair': 'Au pair', model: 'Modelka', dancer: 'Tancerka',
      'factory-worker': 'Pracownica fabryki', 'hotel-maid': 'Pokojówka',
    },
    title: (job, city, salary) => `Praca: ${job.toLowerCase()}, ${city} — ${salary} miesięcznie`,
    intro: (agency, age, city, country) => `${agency} zatrudni dziewczyny w wieku od 18 do ${age} lat do pracy: ${city}, ${country}.`,
    perks: [
      'Darmowy przelot, wiza i zakwaterowanie. Doświadczenie ani język nie są wymagane.',
      'Płacimy za bilet i mieszkanie. Wyjazd w przyszłym tygodniu, umowa na 6 miesięcy.',
      'Zakwaterowanie zapewnione, odbiór z lotniska. Dokumenty załatwiamy sami.',
    ],
    salary: (salary) => `Wynagrodzenie od ${salary} miesięcznie, wypłata co tydzień.`,
    destination: 'Miejsce pracy',
    contact: 'Kontakt',
    phone: 'Telefon',
    whatsappOnly: 'Napisz do nas na WhatsApp',
    posted: 'Opublikowano',
    listingHeading: 'Praca za granicą po polsku',
    previous: 'Poprzednia',
    next: 'Następna',
    backToListing: 'Wszystkie oferty',
  },
};
