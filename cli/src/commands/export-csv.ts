import type { ExportedAd } from '@indicia/indexer';

// New columns go at the end, so spreadsheets and scripts that read columns by position keep working.
export const csvHeader = ['id', 'url', 'site', 'title', 'text', 'firstSeen', 'lastSeen', 'phones', 'emails', 'handles', 'indicators', 'language', 'city', 'country', 'ageMin', 'ageMax', 'prices', 'imageCount', 'imageSha256s', 'needsBrowser', 'truncated'];

/** One ad as CSV cells, in the order of `csvHeader` (quoting and formula neutralising are core's csvRow). */
export function csvFields(ad: ExportedAd): string[] {
  const values = (type: string) => ad.indicators.filter((i) => i.type === type).map((i) => (type === 'handle' ? `${i.platform}:${i.value}` : i.value)).join('; ');
  return [
    ad.id, ad.url, ad.site, ad.title, ad.text, ad.firstSeen, ad.lastSeen, values('phone'), values('email'), values('handle'), JSON.stringify(ad.indicators),
    ad.language ?? '', ad.location?.city ?? '', ad.location?.country ?? '', ad.age ? String(ad.age.min) : '', ad.age ? String(ad.age.max) : '',
    ad.prices.map(priceCell).join('; '),
    String(ad.images.length), ad.images.map((image) => image.sha256).join('; '), String(ad.needsBrowser), String(ad.truncated),
  ];
}

function priceCell(price: ExportedAd['prices'][number]): string {
  const amount = price.maxAmount === undefined ? `${price.amount}` : `${price.amount}-${price.maxAmount}`;
  return `${amount} ${price.currency}${price.per ? `/${price.per}` : ''}`;
}
