/**
 * A small gazetteer: major cities (destinations of the ads this tool looks at first: the US, the UK,
 * Australia, Europe, and the countries of the ads' languages) and country names in English and in
 * those languages, each with its ISO 3166-1 alpha-2 code. Names that
 * are also common first names or words (Charlotte, Florence, Sofia, Nice, Reading, Georgia, Jordan)
 * are left out on purpose: a false location is worse than none.
 */
/**
 * Cities by country. Each entry is one city: its English name first (what the ad's location reports,
 * so "München" and "Мюнхен" count as one city), then the spellings it is written in: local names,
 * names without diacritics, other languages' exonyms and, for Slavic languages, the forms "in X" takes
 * ("w Warszawie", "в Москве").
 */
export const citiesByCountry: Record<string, readonly string[]> = {
  US: [
    'New York|New York City|NYC|Нью-Йорк|Nueva York|Nowy Jork|纽约', 'Los Angeles|Лос-Анджелес|洛杉矶', 'Chicago|Чикаго', 'Houston|Хьюстон',
    'Phoenix', 'Philadelphia', 'San Antonio', 'San Diego', 'San Jose', 'Jacksonville', 'Columbus', 'Fort Worth', 'Indianapolis',
    'San Francisco|Сан-Франциско|旧金山', 'Seattle', 'Denver', 'Washington, D.C.|Washington DC', 'Nashville', 'Oklahoma City', 'El Paso',
    'Boston', 'Portland', 'Las Vegas|Лас-Вегас|拉斯维加斯', 'Detroit', 'Memphis', 'Louisville', 'Baltimore', 'Milwaukee', 'Albuquerque',
    'Tucson', 'Fresno', 'Sacramento', 'Kansas City', 'Atlanta|Атланта', 'Miami|Майами|迈阿密', 'Raleigh', 'Omaha', 'Minneapolis', 'Tulsa',
    'Cleveland', 'Oakland', 'New Orleans', 'Honolulu', 'Tampa', 'Orlando', 'Pittsburgh', 'Cincinnati', 'St. Louis', 'Salt Lake City',
    'Anaheim', 'Long Beach', 'Newark', 'Manhattan', 'Queens', 'The Bronx', 'Reno', 'Fort Lauderdale', 'Scottsdale', 'Dallas', 'Austin',
    'Brooklyn', 'Baton Rouge', 'Buffalo', 'Richmond', 'Hartford', 'Providence',
  ],
  GB: [
    'London|Londres|Londra|Londyn|Londen|Лондон|Лондоне|Londynie|伦敦', 'Birmingham', 'Manchester|Манчестер', 'Liverpool', 'Leeds', 'Sheffield',
    'Bristol', 'Glasgow', 'Edinburgh|Édimbourg|Edimburgo', 'Cardiff', 'Belfast', 'Newcastle upon Tyne', 'Newcastle', 'Nottingham', 'Leicester',
    'Southampton', 'Portsmouth', 'Brighton', 'Coventry', 'Aberdeen', 'Plymouth', 'Oxford', 'Cambridge', 'Milton Keynes', 'Luton', 'Swansea',
    'Croydon', 'Wolverhampton', 'Stoke-on-Trent', 'Bournemouth', 'Bradford', 'Derby', 'Northampton', 'Peterborough', 'Slough', 'Watford',
  ],
  AU: [
    'Sydney|Sídney|Sidney|Сидней|Сіднеї|悉尼', 'Melbourne|Мельбурн|墨尔本', 'Brisbane', 'Perth', 'Adelaide', 'Gold Coast', 'Canberra', 'Hobart',
    'Newcastle NSW', 'Cairns', 'Townsville', 'Geelong', 'Wollongong',
  ],
  CA: ['Toronto|Торонто|多伦多', 'Montreal|Montréal|Монреаль', 'Vancouver|Ванкувер|温哥华', 'Calgary', 'Edmonton', 'Ottawa', 'Winnipeg', 'Mississauga', 'Quebec City|Québec'],
  IE: ['Dublin|Дублин', 'Cork', 'Galway', 'Limerick'],
  NZ: ['Auckland', 'Wellington', 'Christchurch'],
  DE: [
    'Berlin|Berlín|Berlino|Berlinie|Берлин|Берлине|Берлін|柏林', 'Hamburg|Hamburgo|Hambourg|Amburgo|Hamburgu|Гамбург',
    'Munich|München|Muenchen|Múnich|Monaco di Baviera|Monachium|Мюнхен|Мюнхене|慕尼黑', 'Cologne|Köln|Koeln|Colonia|Kolonia|Кёльн|Кельн',
    'Frankfurt|Frankfurt am Main|Fráncfort|Francfort|Francoforte|Frankfurcie|Франкфурт', 'Stuttgart|Штутгарт', 'Düsseldorf|Dusseldorf|Дюссельдорф',
    'Dortmund', 'Essen', 'Leipzig|Lipsk|Лейпциг', 'Bremen|Brema', 'Dresden|Drezno|Дрезден', 'Hanover|Hannover', 'Nuremberg|Nürnberg|Norymberga|Нюрнберг',
    'Duisburg', 'Bochum', 'Wuppertal', 'Bielefeld', 'Bonn', 'Mannheim', 'Karlsruhe', 'Wiesbaden', 'Augsburg', 'Aachen', 'Kiel', 'Mainz', 'Freiburg',
  ],
  FR: [
    'Paris|París|Parigi|Paryż|Paryżu|Париж|Париже|巴黎', 'Marseille|Marsella|Marsylia|Марсель', 'Lyon|Lione|Лион', 'Toulouse|Тулуза',
    'Strasbourg|Estrasburgo|Strasburgo', 'Bordeaux|Burdeos', 'Lille', 'Montpellier', 'Cannes|Канны', 'Nantes', 'Rennes', 'Reims', 'Le Havre',
    'Toulon', 'Grenoble', 'Dijon', 'Nîmes', 'Saint-Étienne',
  ],
  ES: [
    'Madrid|Madryt|Madrycie|Мадрид|Мадриде|马德里', 'Barcelona|Barcelonie|Барселона|Барселоне|巴塞罗那', 'Valencia|València|Walencja|Валенсия',
    'Seville|Sevilla|Séville|Siviglia|Sewilla|Севилья', 'Málaga|Malaga|Малага', 'Bilbao', 'Ibiza|Eivissa|Ибица', 'Marbella|Марбелья',
    'Palma de Mallorca', 'Zaragoza|Saragossa', 'Alicante|Alacant', 'Murcia', 'Valladolid', 'Vigo', 'Gijón', 'Las Palmas', 'Salamanca',
    'Benidorm', 'Tenerife', 'Granada',
  ],
  IT: [
    'Rome|Roma|Rzym|Rzymie|Рим|Риме|罗马', 'Milan|Milano|Milán|Mediolan|Mediolanie|Милан|Милане|Мілан|米兰', 'Naples|Napoli|Nápoles|Neapol|Неаполь',
    'Turin|Torino|Turín|Turyn|Турин', 'Palermo', 'Bologna|Bolonia', 'Florence|Firenze|Florencia|Florencja|Флоренция', 'Venice|Venezia|Venecia|Wenecja|Венеция',
    'Genoa|Genova', 'Verona', 'Padua|Padova', 'Trieste', 'Bari', 'Catania', 'Brescia', 'Parma', 'Modena', 'Rimini',
  ],
  NL: [
    'Amsterdam|Ámsterdam|Amsterdamie|Амстердам|Амстердаме|阿姆斯特丹', 'Rotterdam|Роттердам', 'The Hague|Den Haag|La Haya|Haga|Гаага',
    'Utrecht', 'Eindhoven', 'Groningen', 'Tilburg', 'Almere', 'Breda', 'Nijmegen', 'Haarlem', 'Arnhem', 'Maastricht', 'Leiden',
  ],
  BE: ['Brussels|Bruxelles|Brussel|Bruselas|Bruksela|Брюссель', 'Antwerp|Antwerpen|Amberes|Antwerpia', 'Ghent|Gent|Gand', 'Liège|Luik', 'Charleroi', 'Bruges|Brugge'],
  CH: ['Zurich|Zürich|Zúrich|Zurych|Цюрих', 'Geneva|Genève|Ginebra|Genewa|Женева', 'Basel|Bâle', 'Bern|Berne', 'Lausanne', 'Lugano'],
  AT: ['Vienna|Wien|Viena|Vienne|Wiedeń|Wiedniu|Вена|Вене|维也纳', 'Salzburg', 'Graz', 'Innsbruck', 'Linz'],
  PT: ['Lisbon|Lisboa|Lisbonne|Lizbona|Лиссабон', 'Porto|Oporto', 'Faro', 'Coimbra', 'Braga', 'Funchal', 'Albufeira'],
  PL: [
    'Warsaw|Warszawa|Warszawie|Varsovia|Varsovie|Varșovia|Варшава|Варшаве|Варшаві', 'Kraków|Krakow|Krakowie|Cracovia|Cracovie|Краков|Кракові|Кракове',
    'Wrocław|Wroclaw|Wrocławiu|Вроцлав', 'Gdańsk|Gdansk|Gdańsku|Гданьск', 'Poznań|Poznan|Poznaniu|Познань', 'Łódź|Lodz|Łodzi|Лодзь',
    'Szczecin', 'Bydgoszcz', 'Lublin|Lublinie', 'Katowice|Katowicach', 'Białystok|Bialystok', 'Gdynia|Gdyni', 'Częstochowa', 'Toruń|Torun',
    'Rzeszów|Rzeszow', 'Olsztyn', 'Opole', 'Sopot', 'Kielce',
  ],
  CZ: ['Prague|Praha|Praga|Prag|Прага', 'Brno', 'Ostrava'],
  HU: ['Budapest|Budapeszt|Будапешт'],
  RO: [
    'Bucharest|București|Bucureşti|Bucuresti|Bucarest|Bukareszt|Bukarest|Бухарест', 'Cluj-Napoca|Cluj', 'Timișoara|Timişoara|Timisoara',
    'Iași|Iaşi|Iasi', 'Constanța|Constanţa|Constanta', 'Brașov|Braşov|Brasov', 'Craiova', 'Galați|Galaţi|Galati', 'Oradea', 'Sibiu', 'Arad',
    'Pitești|Piteşti|Pitesti', 'Ploiești|Ploieşti|Ploiesti', 'Bacău|Bacau', 'Suceava',
  ],
  BG: ['Sofia|София', 'Varna|Варна', 'Plovdiv', 'Burgas'],
  GR: ['Athens|Atenas|Athènes|Ateny|Афины|雅典', 'Thessaloniki'],
  SE: ['Stockholm|Estocolmo|Sztokholm|Стокгольм', 'Gothenburg|Göteborg', 'Malmö|Malmo'],
  NO: ['Oslo', 'Bergen'],
  DK: ['Copenhagen|København|Copenhague|Kopenhaga|Копенгаген', 'Aarhus'],
  FI: ['Helsinki|Helsinky|Хельсинки', 'Tampere', 'Turku'],
  UA: [
    'Kyiv|Kiev|Kijów|Kijowie|Київ|Києві|Киев|Киеве|基辅', 'Kharkiv|Kharkov|Charków|Харків|Харкові|Харьков|Харькове', 'Odesa|Odessa|Odesie|Одеса|Одесі|Одесса|Одессе',
    'Lviv|Lwów|Lwowie|Львів|Львові|Львов|Львове', 'Dnipro|Dnipropetrovsk|Дніпро|Днепр', 'Zaporizhzhia|Запоріжжя|Запорожье', 'Vinnytsia|Вінниця|Винница',
    'Mykolaiv|Миколаїв|Николаев', 'Poltava|Полтава', 'Chernihiv|Чернігів|Чернигов', 'Ivano-Frankivsk|Івано-Франківськ', 'Uzhhorod|Ужгород', 'Chernivtsi|Чернівці|Черновцы',
  ],
  RU: [
    'Moscow|Moskva|Moscú|Moscou|Mosca|Moskwa|Moskwie|Moskau|Moscova|Москва|Москве|Москву|Москвы|Москві|莫斯科',
    'Saint Petersburg|St. Petersburg|St Petersburg|San Petersburgo|Санкт-Петербург|Санкт-Петербурге|Петербург|Петербурге|圣彼得堡',
    'Novosibirsk|Новосибирск', 'Yekaterinburg|Екатеринбург', 'Kazan|Казань|Казани', 'Nizhny Novgorod|Нижний Новгород', 'Chelyabinsk|Челябинск',
    'Samara|Самара', 'Omsk|Омск', 'Rostov-on-Don|Ростов-на-Дону', 'Ufa|Уфа', 'Krasnoyarsk|Красноярск', 'Voronezh|Воронеж', 'Perm|Пермь',
    'Volgograd|Волгоград', 'Krasnodar|Краснодар', 'Sochi|Сочи', 'Kaliningrad|Калининград', 'Vladivostok|Владивосток',
  ],
  BY: ['Minsk|Мінск|Минск'],
  MD: ['Chișinău|Chişinău|Chisinau|Kiszyniów|Кишинёв|Кишинев'],
  RS: ['Belgrade|Beograd|Belgrado|Белград', 'Novi Sad'],
  HR: ['Zagreb', 'Dubrovnik'],
  SK: ['Bratislava|Bratysława|Братислава', 'Košice|Kosice'],
  LT: ['Vilnius|Wilno|Вильнюс', 'Kaunas'],
  LV: ['Riga|Rīga|Ryga|Рига'],
  EE: ['Tallinn|Таллин'],
  TR: ['Istanbul|İstanbul|Estambul|Stambuł|Stambule|Стамбул|Стамбуле|伊斯坦布尔', 'Ankara|Анкара', 'Izmir|İzmir', 'Antalya|Анталья|Анталия', 'Bodrum'],
  CY: ['Limassol|Limasol|Лимасол|Лимассол', 'Nicosia|Никосия', 'Larnaca|Larnaka|Ларнака', 'Paphos|Пафос', 'Ayia Napa|Айя-Напа'],
  MT: ['Valletta'],
  AE: ['Dubai|Dubái|Dubaj|Dubaju|Дубай|Дубае|Дубаї|迪拜', 'Abu Dhabi|Abu Zabi|Абу-Даби', 'Sharjah|Шарджа'],
  QA: ['Doha|Доха'],
  SA: ['Riyadh', 'Jeddah'],
  BH: ['Manama'],
  IL: ['Tel Aviv|Тель-Авив', 'Jerusalem'],
  TH: ['Bangkok|Bangkoku|Бангкок|曼谷', 'Pattaya|Паттайя', 'Phuket|Пхукет', 'Chiang Mai'],
  SG: ['Singapore|Singapur|新加坡'],
  MY: ['Kuala Lumpur|吉隆坡'],
  HK: ['Hong Kong|香港'],
  MO: ['Macau|Macao|澳门'],
  TW: ['Taipei|台北|臺北'],
  JP: ['Tokyo|Tokio|Токио|东京', 'Osaka|大阪', 'Kyoto'],
  KR: ['Seoul|Seúl|Сеул|首尔', 'Busan'],
  CN: [
    'Beijing|Pekín|Pékin|Pechino|Pekin|Пекин|Пекине|北京', 'Shanghai|Shanghái|Szanghaj|Шанхай|上海', 'Shenzhen|深圳', 'Guangzhou|广州',
    'Chengdu|成都', 'Chongqing|重庆', 'Tianjin|天津', 'Wuhan|武汉', 'Hangzhou|杭州', 'Nanjing|南京', "Xi'an|西安", 'Suzhou|苏州', 'Xiamen|厦门',
    'Qingdao|青岛', 'Dalian|大连', 'Shenyang|沈阳', 'Harbin|哈尔滨', 'Kunming|昆明', 'Sanya|三亚',
  ],
  PH: ['Manila', 'Cebu'],
  ID: ['Jakarta', 'Bali', 'Denpasar'],
  VN: ['Hanoi', 'Ho Chi Minh City|Saigon'],
  IN: ['Mumbai', 'Delhi', 'New Delhi', 'Bangalore|Bengaluru', 'Kolkata', 'Chennai', 'Hyderabad'],
  MX: ['Mexico City|Ciudad de México|CDMX', 'Guadalajara', 'Monterrey', 'Tijuana', 'Cancún|Cancun', 'Puebla'],
  BR: ['São Paulo|Sao Paulo', 'Rio de Janeiro', 'Brasília|Brasilia', 'Fortaleza', 'Belo Horizonte'],
  AR: ['Buenos Aires'],
  CO: ['Bogotá|Bogota', 'Medellín|Medellin', 'Cartagena'],
  CL: ['Santiago de Chile'],
  PE: ['Lima'],
  NG: ['Lagos', 'Abuja'],
  ZA: ['Johannesburg', 'Cape Town', 'Durban'],
  KE: ['Nairobi'],
  EG: ['Cairo'],
  MA: ['Casablanca', 'Marrakesh|Marrakech'],
};

/**
 * English names of cities that are also first names or words: reported as the city's name, but
 * only the entry's other spellings ("Firenze", "София") are looked for in text.
 */
export const namesNotMatched: ReadonlySet<string> = new Set(['Florence', 'Sofia']);

export const countryNames: Record<string, string> = {
  US: 'United States|United States of America|USA|U.S.A.|U.S.',
  GB: 'United Kingdom|UK|U.K.|Great Britain|Britain|England|Scotland|Wales|Northern Ireland',
  AU: 'Australia', CA: 'Canada', IE: 'Ireland', NZ: 'New Zealand', DE: 'Germany', FR: 'France', ES: 'Spain',
  IT: 'Italy', NL: 'Netherlands|The Netherlands|Holland', BE: 'Belgium', CH: 'Switzerland', AT: 'Austria',
  PT: 'Portugal', PL: 'Poland', CZ: 'Czech Republic|Czechia', SK: 'Slovakia', HU: 'Hungary', RO: 'Romania',
  BG: 'Bulgaria', GR: 'Greece', SE: 'Sweden', NO: 'Norway', DK: 'Denmark', FI: 'Finland', IS: 'Iceland',
  EE: 'Estonia', LV: 'Latvia', LT: 'Lithuania', UA: 'Ukraine', BY: 'Belarus', RU: 'Russia|Russian Federation',
  MD: 'Moldova', RS: 'Serbia', HR: 'Croatia', SI: 'Slovenia', BA: 'Bosnia and Herzegovina|Bosnia', ME: 'Montenegro',
  MK: 'North Macedonia|Macedonia', AL: 'Albania', XK: 'Kosovo', CY: 'Cyprus', MT: 'Malta', LU: 'Luxembourg',
  MC: 'Monaco', TR: 'Turkey|Türkiye', AM: 'Armenia', AZ: 'Azerbaijan', KZ: 'Kazakhstan', UZ: 'Uzbekistan',
  KG: 'Kyrgyzstan', TJ: 'Tajikistan', TM: 'Turkmenistan', AE: 'United Arab Emirates|UAE', QA: 'Qatar',
  SA: 'Saudi Arabia', KW: 'Kuwait', BH: 'Bahrain', OM: 'Oman', IL: 'Israel', LB: 'Lebanon', SY: 'Syria',
  IQ: 'Iraq', IR: 'Iran', AF: 'Afghanistan', PK: 'Pakistan', IN: 'India', BD: 'Bangladesh', LK: 'Sri Lanka',
  NP: 'Nepal', CN: 'China', HK: 'Hong Kong', TW: 'Taiwan', JP: 'Japan', KR: 'South Korea', KP: 'North Korea',
  MN: 'Mongolia', TH: 'Thailand', VN: 'Vietnam|Viet Nam', KH: 'Cambodia', LA: 'Laos', MM: 'Myanmar|Burma',
  MY: 'Malaysia', SG: 'Singapore', ID: 'Indonesia', PH: 'Philippines', MX: 'Mexico', GT: 'Guatemala',
  HN: 'Honduras', SV: 'El Salvador', NI: 'Nicaragua', CR: 'Costa Rica', PA: 'Panama', CU: 'Cuba',
  DO: 'Dominican Republic', HT: 'Haiti', JM: 'Jamaica', PR: 'Puerto Rico', CO: 'Colombia', VE: 'Venezuela',
  EC: 'Ecuador', PE: 'Peru', BO: 'Bolivia', BR: 'Brazil', PY: 'Paraguay', UY: 'Uruguay', AR: 'Argentina',
  CL: 'Chile', EG: 'Egypt', MA: 'Morocco', DZ: 'Algeria', TN: 'Tunisia', LY: 'Libya', NG: 'Nigeria',
  GH: 'Ghana', CI: "Ivory Coast|Côte d'Ivoire", SN: 'Senegal', CM: 'Cameroon', ET: 'Ethiopia', ER: 'Eritrea',
  KE: 'Kenya', UG: 'Uganda', TZ: 'Tanzania', RW: 'Rwanda', CD: 'Democratic Republic of the Congo|DR Congo',
  AO: 'Angola', ZA: 'South Africa', ZW: 'Zimbabwe', ZM: 'Zambia', MZ: 'Mozambique', SO: 'Somalia', SD: 'Sudan',
};

/** Country names in the languages of the ads (ES/FR/DE/IT/PT/RO/NL/PL/RU/UA/CN), added to the English ones. */
export const localCountryNames: Record<string, string> = {
  US: 'Estados Unidos|États-Unis|Vereinigte Staaten|Stati Uniti|Statele Unite|Statele Unite ale Americii|Verenigde Staten|Stany Zjednoczone|США|美国',
  GB: 'Reino Unido|Royaume-Uni|Vereinigtes Königreich|Regno Unito|Regatul Unit|Verenigd Koninkrijk|Wielka Brytania|Великобритания|Великобританія|Anglia|Англия|Англія|英国',
  AU: 'Australie|Australien|Австралия|Австралія|澳大利亚|澳洲',
  CA: 'Kanada|Канада|加拿大',
  DE: 'Alemania|Allemagne|Deutschland|Germania|Alemanha|Duitsland|Niemcy|Niemczech|Германия|Германии|Німеччина|Німеччині|德国',
  FR: 'Francia|Frankreich|Franța|Frankrijk|Francja|Francji|Франция|Франции|Франція|法国',
  ES: 'España|Espagne|Spanien|Spagna|Espanha|Spania|Spanje|Hiszpania|Hiszpanii|Испания|Испании|Іспанія|西班牙',
  IT: 'Italia|Italie|Italien|Itália|Italië|Włochy|Włoszech|Италия|Италии|Італія|意大利',
  PT: 'Portugalia|Portugalii|Португалия|Португалія|葡萄牙',
  RO: 'Rumania|Roumanie|Rumänien|Romania|România|Roménia|Roemenië|Rumunia|Rumunii|Румыния|Румунія|罗马尼亚',
  NL: 'Países Bajos|Pays-Bas|Niederlande|Paesi Bassi|Țările de Jos|Nederland|Holandia|Holandii|Holanda|Olanda|Нидерланды|Голландия|Нідерланди|荷兰',
  PL: 'Polonia|Pologne|Polen|Polônia|Polska|Polsce|Польша|Польше|Польща|波兰',
  RU: 'Rusia|Russie|Russland|Russia|Rússia|Rusland|Rosja|Rosji|Россия|России|Росія|俄罗斯',
  UA: 'Ucrania|Ukraine|Ucraina|Ucrânia|Oekraïne|Ukraina|Ukrainie|Украина|Украине|Україна|Україні|乌克兰',
  CN: 'Chine|Chiny|Китай|中国',
  AT: 'Österreich|Austria|Австрия', CH: 'Schweiz|Suisse|Svizzera|Suiza|Szwajcaria|Швейцария', BE: 'Belgique|België|Bélgica|Belgia|Бельгия',
  GR: 'Grecia|Grèce|Griechenland|Grecja|Греция', CZ: 'Česko|Česká republika|Czechy|Чехия', HU: 'Magyarország|Węgry|Венгрия',
  TR: 'Turquía|Turquie|Türkei|Turchia|Turcia|Turcja|Turcji|Турция|Турции|Туреччина|土耳其',
  CY: 'Chipre|Chypre|Zypern|Cipro|Cipru|Cypr|Cyprze|Кипр|Кипре|Кіпр|塞浦路斯',
  AE: 'Emiratos Árabes Unidos|Émirats arabes unis|Vereinigte Arabische Emirate|Emirati Arabi Uniti|Emiratele Arabe Unite|Zjednoczone Emiraty Arabskie|ОАЭ|ОАЕ|阿联酋',
  MD: 'Moldavia|Moldavie|Republica Moldova|Mołdawia|Молдова|Молдавия', BY: 'Białoruś|Беларусь|Білорусь',
  IL: 'Israel|Izrael|Израиль', JP: 'Japón|Japon|Japonia|Япония|日本', TH: 'Tailandia|Thaïlande|Tajlandia|Таиланд',
};

/** Regions written after a city ("Las Vegas, NV", "Parramatta, NSW"), mapped to their country. */
export const regionCodes: Record<string, string> = {
  US: 'AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC',
  AU: 'NSW|VIC|QLD|TAS|ACT',
  CA: 'ON|BC|AB|QC|MB|NS|SK|NB',
};

/** US state names that are not also country names. */
export const regionNames: Record<string, string> = {
  US: 'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming',
  AU: 'New South Wales|Queensland|Tasmania|Western Australia|South Australia',
};
