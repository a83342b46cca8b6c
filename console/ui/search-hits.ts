import { apiUrl, segment } from './api-client.js';
import type { SearchHit } from './api-types.js';
import { h } from './dom.js';
import { formatDay } from './format.js';
import { indicatorChip } from './indicator-links.js';
import { markedSnippet } from './marked-text.js';
import { empty } from './widgets.js';

/** Most thumbnails a hit shows: more would push the next result off screen. */
const maxThumbnails = 4;

export function adPath(adId: string): string {
  return `/ads/${segment(adId)}`;
}

export function imageUrl(sha256: string): string {
  return apiUrl(`/images/${segment(sha256)}`);
}

function hitItem(hit: SearchHit): HTMLElement {
  const thumbnails = (hit.thumbnails ?? []).slice(0, maxThumbnails);
  const matched = new Set(hit.matched.map((ref) => `${ref.type}:${ref.platform ?? ref.chain ?? ''}:${ref.value}`));
  return h(
    'li',
    { class: `hit${hit.isNew ? ' hit-new' : ''}` },
    h(
      'div',
      { class: 'hit-head' },
      hit.isNew ? h('span', { class: 'badge badge-new' }, 'new') : null,
      h('a', { href: adPath(hit.adId), class: 'hit-title' }, hit.title || hit.url),
    ),
    h('div', { class: 'hit-meta' }, h('span', {}, hit.site), h('span', {}, `seen ${formatDay(hit.firstSeen)} – ${formatDay(hit.lastSeen)}`), hit.location ? h('span', {}, hit.location.text) : null),
    h('p', { class: 'snippet' }, hit.snippetSource === 'ocr' ? h('span', { class: 'badge' }, 'in image') : null, ' ', ...markedSnippet(hit.snippet)),
    thumbnails.length > 0
      ? h('div', { class: 'thumbnails' }, ...thumbnails.map((image) => h('img', { src: imageUrl(image.sha256), alt: 'image of the ad', loading: 'lazy', width: 96, height: 72 })))
      : null,
    h(
      'div',
      { class: 'chips' },
      ...hit.indicators.slice(0, 12).map((ref) => {
        const chip = indicatorChip(ref);
        if (matched.has(`${ref.type}:${ref.platform ?? ref.chain ?? ''}:${ref.value}`)) chip.classList.add('chip-matched');
        return chip;
      }),
    ),
  );
}

export function searchHits(hits: readonly SearchHit[], emptyText = 'No ads match.'): HTMLElement {
  if (hits.length === 0) return empty(emptyText);
  return h('ol', { class: 'hits' }, ...hits.map(hitItem));
}
