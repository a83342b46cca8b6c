/**
 * Frequent words of each language the detector tells apart, plus the words of ads and job offers
 * (salary, month, girls, free, accommodation...), which short ads are made of. A word in several
 * lists counts for each, divided among them.
 */
export const stopwords: Record<string, string> = {
  en: `the and of to in is you for with on are we our your i am me my it this that be at or from no not call text new wanted hiring
    work job girls salary per month week free available now only will all have has who what just very sweet hello hi gentlemen apply
    visa flight accommodation contract experience needed paid weekly next years old friendly discreet incall outcall`,
  es: `el la los las de del y en que un una por para con se es no al su tu te mi sin más muy está trabajo chicas busca sueldo mes semana
    gratis contrato nosotros llama hola soy años también pero como hasta desde vuelo alojamiento visado pagamos tu vivienda empiezas
    necesita experiencia idiomas ofertas escríbenos pago semanal contrata trabajar`,
  fr: `le la les de des du et en un une est pour dans que qui sur avec pas au aux je vous nous ne mon ma mes votre très travail filles
    salaire mois semaine gratuit bonjour suis appelez contrat logement vol offert expérience besoin payé chaque recrute jeunes femmes`,
  de: `der die das und ist ich du sie wir nicht mit für auf ein eine einen dem den des zu im bei von auch sehr nur bin mich mir arbeit
    gehalt monat woche kostenlos frauen gesucht hallo ruf unterkunft flug erfahrung keine wöchentlich bezahlt suchen mädchen jahre`,
  it: `il lo la gli le di del della e è un una per con che non sono mi ti ci al alla nel molto lavoro ragazze stipendio mese settimana
    gratis ciao chiamami anni alloggio cerchiamo offriamo volo esperienza pagato settimanale contratto cerca`,
  pt: `o a os as de do da dos das e em um uma para com que não é no na por mais muito sou você trabalho meninas salário mês semana grátis
    olá ligue anos alojamento contrato voo experiência pago semanal procuramos oferecemos garotas`,
  ro: `și în de la cu pe un o este sunt nu pentru din care mai ce să se am ne noi vă muncă fete salariu lună săptămână gratuit cazare
    bilet zbor ani acte căutăm angajează între viză experiență limbi străine plătit săptămânal plătim locuința începi asigurată ocupăm`,
  nl: `de het een en van in is op te dat die met voor niet zijn je ik we wij ons bij ook maar naar werk meisjes salaris maand week gratis
    hallo bel jaar woning vlucht ervaring nodig betaald wekelijks zoeken`,
  pl: `i w z na do się nie jest to że od dla po o jak ale mam jestem lat praca pracy dziewczyny wynagrodzenie miesięcznie tydzień darmowy
    zakwaterowanie wiza bilet umowa zatrudni wieku oraz lub przelot doświadczenie język są wymagane płacimy mieszkanie wyjazd
    przyszłym tygodniu zapewnione odbiór lotniska dokumenty załatwiamy sami wypłata co`,
  ru: `и в на не что с по для от до за я мы вы это как работа работу девушек зарплата месяц неделю бесплатно жильё жилье виза лет
    требуется контракт опыт звоните привет меня нас из у перелёт перелет знание языка требуются оплачиваем билет проживание выезд
    следующей неделе месяцев предоставляется встреча аэропорту документы оформляем сами выплаты каждую приглашает работы`,
  uk: `і в у на не що з по для від до за я ми ви це як робота роботу дівчат зарплата місяць тиждень безкоштовно житло віза років
    потрібні контракт досвід телефонуйте привіт мене нас із та переліт знання мови оплачуємо квиток проживання виїзд документи`,
};

/** Letters that occur in one language (or few) of those the detector reads in Latin script. */
export const distinctiveLetters: Record<string, string> = {
  'ñ': 'es', '¿': 'es', '¡': 'es',
  'ã': 'pt', 'õ': 'pt', 'ç': 'pt fr',
  'ß': 'de', 'ä': 'de', 'ö': 'de', 'ü': 'de',
  'ă': 'ro', 'ș': 'ro', 'ş': 'ro', 'ț': 'ro', 'ţ': 'ro', 'î': 'ro fr', 'â': 'ro fr pt',
  'ą': 'pl', 'ę': 'pl', 'ł': 'pl', 'ś': 'pl', 'ź': 'pl', 'ż': 'pl', 'ń': 'pl', 'ć': 'pl',
  'è': 'fr it', 'ê': 'fr pt', 'à': 'fr it pt', 'ù': 'fr it', 'œ': 'fr', 'ì': 'it', 'ò': 'it',
  // Cyrillic: letters Ukrainian has and Russian does not, and the other way round.
  'і': 'uk', 'ї': 'uk', 'є': 'uk', 'ґ': 'uk', 'ы': 'ru', 'э': 'ru', 'ъ': 'ru', 'ё': 'ru',
};
