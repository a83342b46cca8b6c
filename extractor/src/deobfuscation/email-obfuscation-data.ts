/**
 * Words people write instead of "@" and "." to keep addresses away from scrapers, in the ad
 * languages, as the IOC refangers (ioc-fanger, iocextract, ioc-finder) read them too. Lowercase;
 * matched case-insensitively.
 */
export const atWords: readonly string[] = [
  'at', 'arroba', 'arobase', 'chiocciola', 'klammeraffe', 'apenstaartje', 'malpa', 'małpa', 'собака', 'sobaka', 'a-rond',
];

/** "et" is French for "and": it stands for "@" only inside brackets ("foo[et]example.com"). */
export const bracketOnlyAtWords: readonly string[] = ['et'];

export const dotWords: readonly string[] = ['dot', 'punto', 'punkt', 'point', 'ponto', 'kropka', 'точка', 'tochka', 'punt'];

/**
 * Words that come before "at" in running text ("look at me", "meet at 10", "available at
 * example.com"): never a local part when "at" is written as a plain word. Checked always when the
 * domain is disguised too ("meet at hotel dot com").
 */
export const proseWordsBeforeAt: ReadonlySet<string> = new Set([
  'me', 'us', 'you', 'him', 'her', 'them', 'it', 'i', 'we', 'he', 'she', 'they', 'who', 'what', 'which', 'that', 'this',
  'look', 'looking', 'looked', 'meet', 'meeting', 'see', 'seen', 'arrive', 'arriving', 'arrived', 'stay', 'staying', 'stayed',
  'available', 'is', 'are', 'was', 'were', 'be', 'am', 'been', 'and', 'or', 'but', 'not', 'only', 'just', 'also', 'even',
  'start', 'starts', 'starting', 'starting', 'open', 'opens', 'close', 'closes', 'here', 'there', 'home', 'out', 'in', 'up',
  'back', 'late', 'early', 'now', 'today', 'tonight', 'night', 'day', 'time', 'live', 'living', 'work', 'working',
  'located', 'based', 'find', 'found', 'call', 'text', 'write', 'contact', 'reach', 'come', 'go', 'visit',
]);

/**
 * More words that come before "at" in prose; they are also common mailbox names ("info at
 * example dot com"), so they only rule out a local part when the domain is written plainly
 * ("more info at example.com" is a link, not an address).
 */
export const proseWordsBeforePlainDomain: ReadonlySet<string> = new Set([
  'info', 'information', 'more', 'details', 'photos', 'pics', 'pictures', 'videos', 'video', 'reviews', 'review', 'tickets',
  'book', 'booking', 'order', 'buy', 'shop', 'sale', 'sold', 'link', 'links', 'profile', 'page', 'site', 'website', 'online',
  'rates', 'prices', 'price', 'menu', 'gallery', 'news', 'blog', 'contact', 'email', 'mail', 'message', 'dm', 'me',
  'agency', 'apply', 'register', 'join', 'follow', 'subscribe', 'listed', 'posted', 'hosted', 'published', 'advertised',
  'offer', 'offers', 'jobs', 'job', 'vacancies', 'openings', 'careers', 'work', 'deals', 'discounts', 'tours', 'events', 'us',
]);
