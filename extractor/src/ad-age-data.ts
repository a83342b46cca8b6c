/** Words for stated ages, lowercased, in the languages of the ads this tool reads first. */

/** "25 y.o.", "25 años", "25 лет", "25岁": what follows an age. */
export const ageUnits = [
  'y.o.', 'y.o', 'yo', 'y/o', 'yrs old', 'yrs. old', 'yr old', 'years old', 'year old', 'years-old', 'year-old', 'years young', 'years', 'yrs',
  'años', 'anos', 'ans', 'jahre alt', 'jahre', 'jahren', 'jähriges', 'jährige', 'lat', 'lata', 'ani', 'de ani', 'anni', 'jaar', 'évesek', 'éves',
  'лет', 'года', 'год', 'годик', 'років', 'роки', 'рік', '岁', '歲', '周岁',
];

/** Labels: "Age: 25", "Edad 25", "Возраст: 25". */
export const ageLabels = [
  'age', 'âge', 'edad', 'alter', 'età', 'eta', 'idade', 'vârsta', 'vârstă', 'varsta', 'leeftijd', 'wiek', 'возраст', 'вік', '年龄', '年齡',
];

/** What introduces an age range: "aged 18-35", "de 18 a 35 años", "w wieku od 18 do 35 lat". */
export const rangeLeads = [
  'aged', 'ages', 'age', 'between', 'from', 'de', 'entre', 'între', 'intre', 'od', 'от', 'від', 'von', 'zwischen', 'dai', 'dos', 'tussen',
  'w wieku od', 'в возрасте от', 'віком від', 'âgées de', 'âgés de', 'im alter von', 'di età tra', 'com idade entre', 'con edad entre',
];

/** Between the two ends of a range. */
export const rangeJoins = ['-', '–', '—', 'to', 'a', 'à', 'și', 'si', 'i', 'y', 'e', 'et', 'und', 'bis', 'en', 'tot', 'do', 'до', 'ai', 'aos', 'and', 'и', 'і'];

/** A first-person statement of age: "I'm 25", "ich bin 25", "мне 25". */
export const selfStatements = ["i'm", 'i’m', 'i am', 'ich bin', 'ik ben', 'tengo', 'мне', 'мені', 'jsem'];

/** Words before a number of years that make it a duration, not an age: "for 10 years", "hace 20 años". */
export const durationLeads = [
  'for', 'since', 'over', 'than', 'after', 'within', 'last', 'past', 'next', 'about', 'hace', 'desde', 'durante', 'vor', 'seit', 'für',
  'depuis', 'pendant', 'y a', 'da', 'per', 'há', 'acum', 'peste', 'за', 'через', 'уже', 'od ponad', 'przez', 'ponad', 'powyżej', 'über',
  'más de', 'plus de', 'mai mult de', 'более', 'больше', 'старше', 'under', 'below', 'menos de', 'moins de', 'unter',
];

/** Words after a number of years that make it a duration or a requirement, not a stated age. */
export const durationTails = [
  'of', 'experience', 'exp', 'ago', 'contract', 'in business', 'or older', 'or over', 'and over', 'and older', 'and up', 'or more', 'or above',
  'temu', 'назад', 'fa', 'atrás', 'geleden', 'y más', 'o más', 'et plus', 'ou plus', 'und älter', 'oder älter', 'lub więcej', 'i więcej',
  'и старше', 'і старше', 'și peste', 'sau mai mult', 'e oltre', 'ou mais', 'of ouder', 'de experiencia', 'de experiență', 'опыта', 'досвіду',
];

/** After a self-statement number, these make it something other than an age ("I am 30 minutes away"). */
export const nonAgeUnits = ['min', 'minutes', 'mins', 'h', 'hours', 'hrs', 'cm', 'kg', 'km', 'm', 'miles', 'ft', 'lbs', 'mm', 'euro', 'eur', 'usd', 'dollars', 'percent'];
