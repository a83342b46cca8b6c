import { personas } from './operators.js';

/**
 * Ad prose of the labelled corpus, per language: sentences without digits (numbers come only from
 * the planted indicators and distractors, so the truth is exact), and the lead-ins ads put before
 * a contact.
 */
export const corpusLanguages = ['en', 'es', 'fr', 'de', 'it', 'pt', 'ro', 'nl', 'pl', 'ru', 'zh'] as const;
export type CorpusLanguage = (typeof corpusLanguages)[number];

interface LanguagePhrases {
  intro: ReadonlyArray<(name: string, city: string) => string>;
  body: readonly string[];
  call: readonly string[];
  email: readonly string[];
  site: readonly string[];
  pay: readonly string[];
  closing: readonly string[];
}

export const corpusPhrases: Record<CorpusLanguage, LanguagePhrases> = {
  en: {
    intro: [(n, c) => `Hi gentlemen, I am ${n}, new in ${c} for a few days.`, (n, c) => `Sweet ${n} visiting ${c} this week, book now!`, (n, c) => `Elegant companion ${n} in ${c}, discreet and always on time.`, (n, c) => `Hiring now in ${c}: hostesses and dancers, contact ${n} today.`],
    body: ['Incall and outcall, clean and private apartment.', 'Relaxing massage and good company, available day and night.', 'Hotel visits only, appointments with short notice.', 'No rush, no private numbers, genuine photos.', 'Good salary, accommodation and travel paid, no experience needed.', 'Friendly, open minded and very discreet.'],
    call: ['Call or text ', 'Text me on ', 'Booking line: ', 'Call me: ', 'Contact: ', 'Phone '],
    email: ['Email: ', 'Write to ', 'Send your photos to ', 'Mail me at '],
    site: ['More photos: ', 'See my site ', 'Website: ', 'Apply online at '],
    pay: ['Deposit accepted in crypto. ', 'Payment by crypto only, '],
    closing: ['Kisses!', 'See you soon.', 'Serious gentlemen only.', 'Only a few places left.'],
  },
  es: {
    intro: [(n, c) => `Hola, soy ${n}, nueva en ${c}, muy cariñosa.`, (n, c) => `Chica latina ${n} en ${c}, discreta y elegante.`, (n, c) => `Se buscan azafatas en ${c}, pregunta por ${n}.`],
    body: ['Masajes relajantes y buena compañía, piso privado.', 'Salidas a hoteles y domicilios, todo muy discreto.', 'Trabajo bien pagado, alojamiento incluido, sin experiencia.', 'Fotos reales, sin prisas.'],
    call: ['Llámame al ', 'Teléfono: ', 'Llama o escribe al ', 'Contacto: '],
    email: ['Correo: ', 'Escríbeme a ', 'Envía tu foto a '],
    site: ['Más fotos en ', 'Mi web: '],
    pay: ['Acepto pago en cripto. '],
    closing: ['Besos.', 'Te espero.', 'Solo caballeros serios.'],
  },
  fr: {
    intro: [(n, c) => `Bonjour, je suis ${n}, nouvelle à ${c}.`, (n, c) => `Charmante ${n} de passage à ${c}, très discrète.`, (n, c) => `Agence recrute à ${c}, demandez ${n}.`],
    body: ['Massage relaxant et bonne compagnie, appartement privé.', 'Déplacements à l’hôtel uniquement, rendez-vous rapide.', 'Travail bien payé, logement fourni, sans expérience.', 'Photos réelles, pas de numéros masqués.'],
    call: ['Appelez-moi au ', 'Tél : ', 'Appel ou SMS au ', 'Contact : '],
    email: ['Email : ', 'Écrivez-moi à ', 'Envoyez votre CV à '],
    site: ['Plus de photos sur ', 'Mon site : '],
    pay: ['Paiement en crypto accepté. '],
    closing: ['Bisous.', 'À bientôt.', 'Messieurs sérieux uniquement.'],
  },
  de: {
    intro: [(n, c) => `Hallo, ich bin ${n}, neu in ${c}.`, (n, c) => `Süße ${n} nur diese Woche in ${c}, diskret und gepflegt.`, (n, c) => `Wir suchen Hostessen in ${c}, fragt nach ${n}.`],
    body: ['Entspannende Massage und gute Gesellschaft, private Wohnung.', 'Nur Hotelbesuche, Termine kurzfristig.', 'Guter Verdienst, Unterkunft gestellt, keine Erfahrung nötig.', 'Echte Fotos, keine unterdrückten Nummern.'],
    call: ['Ruf mich an: ', 'Tel. ', 'Anrufen oder SMS an ', 'Kontakt: '],
    email: ['E-Mail: ', 'Schreib mir an ', 'Bewerbung an '],
    site: ['Mehr Fotos auf ', 'Meine Seite: '],
    pay: ['Anzahlung auch in Krypto. '],
    closing: ['Küsschen.', 'Bis bald.', 'Nur seriöse Herren.'],
  },
  it: {
    intro: [(n, c) => `Ciao, sono ${n}, nuova a ${c}.`, (n, c) => `Dolce ${n} a ${c} solo per pochi giorni, molto discreta.`, (n, c) => `Cerchiamo ragazze immagine a ${c}, chiedi di ${n}.`],
    body: ['Massaggi rilassanti e buona compagnia, appartamento riservato.', 'Solo hotel, appuntamenti con poco preavviso.', 'Ottima paga, alloggio incluso, nessuna esperienza richiesta.', 'Foto reali, niente numeri privati.'],
    call: ['Chiamami al ', 'Tel. ', 'Chiama o scrivi al ', 'Contatto: '],
    email: ['Email: ', 'Scrivimi a ', 'Invia il curriculum a '],
    site: ['Altre foto su ', 'Il mio sito: '],
    pay: ['Accetto pagamenti in cripto. '],
    closing: ['Baci.', 'A presto.', 'Solo uomini seri.'],
  },
  pt: {
    intro: [(n, c) => `Olá, sou a ${n}, nova em ${c}.`, (n, c) => `Linda ${n} em ${c} por poucos dias, muito discreta.`, (n, c) => `Procuramos hospedeiras em ${c}, fale com ${n}.`],
    body: ['Massagem relaxante e boa companhia, apartamento privado.', 'Apenas hotéis, marcações rápidas.', 'Bom salário, alojamento incluído, sem experiência.', 'Fotos reais, sem números privados.'],
    call: ['Liga-me para o ', 'Telefone: ', 'Liga ou manda mensagem para ', 'Contacto: '],
    email: ['Email: ', 'Escreve para ', 'Envia o teu CV para '],
    site: ['Mais fotos em ', 'O meu site: '],
    pay: ['Aceito pagamento em cripto. '],
    closing: ['Beijinhos.', 'Até já.', 'Só senhores sérios.'],
  },
  ro: {
    intro: [(n, c) => `Bună, sunt ${n}, nouă în ${c}.`, (n, c) => `Dulce ${n} în ${c} doar câteva zile, foarte discretă.`, (n, c) => `Angajăm hostese în ${c}, întreabă de ${n}.`],
    body: ['Masaj relaxant și companie plăcută, apartament privat.', 'Doar la hotel, programări rapide.', 'Salariu bun, cazare asigurată, fără experiență.', 'Poze reale, fără numere private.'],
    call: ['Sună-mă la ', 'Telefon: ', 'Sună sau scrie la ', 'Contact: '],
    email: ['Email: ', 'Scrie-mi la ', 'Trimite CV-ul la '],
    site: ['Mai multe poze pe ', 'Site-ul meu: '],
    pay: ['Accept plata în cripto. '],
    closing: ['Pupici.', 'Pe curând.', 'Doar domni serioși.'],
  },
  nl: {
    intro: [(n, c) => `Hoi, ik ben ${n}, nieuw in ${c}.`, (n, c) => `Lieve ${n} deze week in ${c}, heel discreet.`, (n, c) => `Gezocht: hostesses in ${c}, vraag naar ${n}.`],
    body: ['Ontspannende massage en gezelligheid, privé appartement.', 'Alleen hotelbezoek, afspraken op korte termijn.', 'Goed salaris, huisvesting geregeld, geen ervaring nodig.', 'Echte foto’s, geen anonieme nummers.'],
    call: ['Bel me op ', 'Tel: ', 'Bellen of appen naar ', 'Contact: '],
    email: ['E-mail: ', 'Mail naar ', 'Stuur je foto naar '],
    site: ['Meer foto’s op ', 'Mijn site: '],
    pay: ['Betalen met crypto kan ook. '],
    closing: ['Kusjes.', 'Tot snel.', 'Alleen serieuze heren.'],
  },
  pl: {
    intro: [(n, c) => `Cześć, jestem ${n}, nowa w mieście ${c}.`, (n, c) => `Słodka ${n} w ${c} tylko kilka dni, bardzo dyskretna.`, (n, c) => `Szukamy hostess, ${c}, pytaj o ${n}.`],
    body: ['Relaksujący masaż i miłe towarzystwo, prywatne mieszkanie.', 'Tylko wizyty w hotelu, szybkie terminy.', 'Dobre zarobki, zakwaterowanie zapewnione, bez doświadczenia.', 'Prawdziwe zdjęcia, bez zastrzeżonych numerów.'],
    call: ['Zadzwoń: ', 'Tel. ', 'Dzwoń lub pisz: ', 'Kontakt: '],
    email: ['Email: ', 'Napisz na ', 'CV wyślij na '],
    site: ['Więcej zdjęć na ', 'Moja strona: '],
    pay: ['Płatność także w krypto. '],
    closing: ['Buziaki.', 'Do zobaczenia.', 'Tylko poważni panowie.'],
  },
  ru: {
    intro: [(n, c) => `Привет, я ${n}, новенькая в городе ${c}.`, (n, c) => `Милая ${n} в ${c} всего несколько дней, очень скромная.`, (n, c) => `Требуются хостес, ${c}, спросить ${n}.`],
    body: ['Расслабляющий массаж и приятная компания, отдельная квартира.', 'Только выезд в отель, запись быстро.', 'Высокая зарплата, жильё предоставляется, опыт не нужен.', 'Реальные фото, без скрытых номеров.'],
    call: ['Звоните: ', 'Тел. ', 'Звони или пиши: ', 'Контакт: '],
    email: ['Почта: ', 'Пишите на ', 'Резюме на '],
    site: ['Больше фото на ', 'Мой сайт: '],
    pay: ['Оплата криптой. '],
    closing: ['Целую.', 'До встречи.', 'Только серьёзные мужчины.'],
  },
  zh: {
    intro: [(n, c) => `新到${c}，我是${n}，温柔体贴。`, (n, c) => `${c}高端按摩，${n}小姐，环境私密。`, (n, c) => `${c}招聘前台接待，联系${n}。`],
    body: ['专业按摩，干净卫生，服务周到。', '只接酒店预约，提前联系。', '高薪包住，无需经验。', '真实照片，不接隐藏号码。'],
    call: ['电话：', '预约电话 ', '联系电话：', '手机 '],
    email: ['邮箱：', '简历发送至 '],
    site: ['更多照片：', '网站：'],
    pay: ['可用加密货币付款。'],
    closing: ['欢迎预约。', '期待您的光临。', '非诚勿扰。'],
  },
};

/** Countries whose numbers an ad in each language gives, and cities it names there. */
export const languageCountries: Record<CorpusLanguage, readonly string[]> = {
  en: ['US', 'GB', 'AU'],
  es: ['ES'],
  fr: ['FR'],
  de: ['DE'],
  it: ['IT'],
  pt: ['PT'],
  ro: ['RO'],
  nl: ['NL'],
  pl: ['PL'],
  ru: ['RU', 'UA'],
  zh: ['AU', 'US', 'GB'],
};

export const countryCities: Record<string, readonly string[]> = {
  US: ['Las Vegas', 'Chicago', 'Los Angeles', 'Miami'],
  GB: ['London', 'Manchester', 'Birmingham', 'Leeds'],
  AU: ['Sydney', 'Melbourne', 'Brisbane', 'Perth'],
  DE: ['Berlin', 'Hamburg', 'München', 'Köln'],
  ES: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla'],
  FR: ['Paris', 'Lyon', 'Marseille', 'Nice'],
  IT: ['Milano', 'Roma', 'Napoli', 'Torino'],
  PT: ['Lisboa', 'Porto', 'Faro'],
  RO: ['București', 'Cluj-Napoca', 'Timișoara', 'Iași'],
  NL: ['Amsterdam', 'Rotterdam', 'Den Haag', 'Utrecht'],
  PL: ['Warszawa', 'Kraków', 'Wrocław', 'Gdańsk'],
  RU: ['Москва', 'Санкт-Петербург', 'Казань'],
  UA: ['Київ', 'Одеса', 'Харків', 'Львів'],
};

/** Chinese-language ads name the city in Chinese. */
export const chineseCityNames: Record<string, readonly string[]> = {
  US: ['拉斯维加斯', '洛杉矶', '芝加哥'],
  GB: ['伦敦', '曼彻斯特'],
  AU: ['悉尼', '墨尔本', '布里斯班'],
};

/** The corpus's ads are signed with the first thirty of the served ads' personas. */
export const corpusNames: readonly string[] = personas.slice(0, 30);
