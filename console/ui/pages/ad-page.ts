import { apiUrl, getJson, segment } from '../api-client.js';
import type { AdAnswer, AdCapture, AdIndicator } from '../api-types.js';
import { h } from '../dom.js';
import { formatDay, formatTime } from '../format.js';
import { indicatorChip, indicatorLabel, indicatorPath } from '../indicator-links.js';
import { highlightedText, type TextSpan } from '../marked-text.js';
import type { PageContext } from '../page-context.js';
import { imageUrl } from '../search-hits.js';
import { empty, facts, pageHeading, section, table } from '../widgets.js';

function provenanceTitle(indicator: AdIndicator, where: { start: number; end: number; raw: string; obfuscated: boolean; rules: string[]; captureId: string }): string {
  return [
    `${indicator.type}: ${indicatorLabel(indicator)}`,
    `read from the text, characters ${where.start}–${where.end}: “${where.raw}”${where.obfuscated ? ' (de-obfuscated)' : ''}`,
    where.rules.length > 0 ? `rules: ${where.rules.join(', ')}` : '',
    `capture ${where.captureId}`,
    `in this ad ${formatDay(indicator.firstSeen)} – ${formatDay(indicator.lastSeen)}`,
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * Spans of the ad's text holding an indicator. Offsets are into the text of the capture that
 * read them: used as given when that capture's text is the one shown and the span still reads the
 * same; otherwise the raw form is looked up in the text shown.
 */
function indicatorSpans(ad: AdAnswer): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const indicator of ad.indicators) {
    for (const where of indicator.provenance.filter((entry) => entry.source === 'text')) {
      let start = where.start;
      if (ad.text.slice(where.start, where.end) !== where.raw) start = ad.text.indexOf(where.raw);
      if (start < 0 || where.raw.length === 0) continue;
      spans.push({ start, end: start + where.raw.length, title: provenanceTitle(indicator, where), className: `indicator-span indicator-${indicator.type}`, href: indicatorPath(indicator) });
    }
  }
  return spans;
}

function capturePath(ad: AdAnswer, capture: AdCapture, what: 'screenshot' | 'html'): string {
  return apiUrl(`/ads/${segment(ad.id)}/captures/${segment(capture.captureId)}/${what}`);
}

function capturesTable(ad: AdAnswer): HTMLElement {
  if (ad.captures.length === 0) return empty('No capture recorded.');
  return table(
    ['Fetched', 'URL', 'Status', 'Mode', 'Proxy', 'Body SHA-256', 'WARC'],
    ad.captures.map((capture) => [
      formatTime(capture.fetchedAt),
      h('span', { class: 'url' }, capture.url),
      String(capture.status),
      capture.mode,
      capture.proxy ?? 'direct',
      h('code', { class: 'hash' }, capture.sha256),
      capture.warcFile ?? '—',
    ]),
    { className: 'data captures' },
  );
}

function indicatorsTable(ad: AdAnswer): HTMLElement {
  if (ad.indicators.length === 0) return empty('No indicator was read from this ad.');
  return table(
    ['Indicator', 'As written', 'Read from', 'Seen in this ad'],
    ad.indicators.map((indicator) => [indicatorChip(indicator), h('code', {}, indicator.raw), indicator.source, `${formatDay(indicator.firstSeen)} – ${formatDay(indicator.lastSeen)}`]),
  );
}

function imagesSection(ad: AdAnswer): HTMLElement {
  if (ad.images.length === 0) return empty('This ad shows no image that was kept.');
  return h(
    'div',
    { class: 'images' },
    ...ad.images.map((image) =>
      h(
        'figure',
        { class: 'ad-image' },
        h('img', { src: imageUrl(image.sha256), alt: 'image shown by the ad', loading: 'lazy' }),
        h(
          'figcaption',
          {},
          image.ocrText ? h('div', {}, h('strong', {}, 'Text read (OCR): '), h('span', { class: 'ocr-text' }, image.ocrText)) : h('div', { class: 'muted' }, 'No text read in this image.'),
          h('div', { class: 'url' }, image.url),
          h('code', { class: 'hash' }, image.sha256),
        ),
      ),
    ),
  );
}

/** The newest capture that has the thing asked for. */
function latestWith(ad: AdAnswer, has: (capture: AdCapture) => boolean): AdCapture | undefined {
  return [...ad.captures].filter(has).sort((a, b) => b.fetchedAt.localeCompare(a.fetchedAt))[0];
}

export async function adPage(context: PageContext): Promise<Node> {
  const ad = await getJson<AdAnswer>(apiUrl(`/ads/${segment(context.params.id!)}`));
  const screenshot = latestWith(ad, (capture) => capture.hasScreenshot);
  const html = latestWith(ad, (capture) => capture.hasHtml);
  return h(
    'div',
    { class: 'page ad-page' },
    pageHeading(ad.title || ad.url, h('p', { class: 'subtitle' }, h('span', { class: 'url' }, ad.canonicalUrl || ad.url))),
    facts([
      ['Site', ad.site],
      ['Seen', `${formatTime(ad.firstSeen)} – ${formatTime(ad.lastSeen)}`],
      ['Posted', formatDay(ad.postedAt)],
      ['Location', ad.location?.text ?? '—'],
      ['Language', ad.language ?? '—'],
      ['Content hash', h('code', { class: 'hash' }, ad.contentHash)],
      ['Versions', String(ad.versions.length)],
    ]),
    section('Text', h('p', { class: 'ad-text', 'data-testid': 'ad-text' }, ...highlightedText(ad.text, indicatorSpans(ad))), h('p', { class: 'hint' }, 'Highlighted: indicators. Hover one to see where and how it was read.')),
    section('Indicators', indicatorsTable(ad), h('div', { class: 'chips' }, ...ad.indicators.map(indicatorChip))),
    section('Images', imagesSection(ad)),
    section('Screenshot', screenshot ? h('img', { class: 'screenshot', src: capturePath(ad, screenshot, 'screenshot'), alt: `screenshot of the page at ${formatTime(screenshot.fetchedAt)}` }) : empty('No screenshot: the page was captured over plain HTTP.')),
    section('Captures', capturesTable(ad)),
    section(
      'Captured page',
      html
        ? h(
            'div',
            {},
            h('p', { class: 'hint' }, 'The page as captured, in a sandbox: no scripts run and nothing is fetched from the network.'),
            // sandbox with no tokens: no scripts, no forms, no popups, an opaque origin.
            h('iframe', { sandbox: '', src: capturePath(ad, html, 'html'), title: 'captured page (sandboxed)', class: 'captured-html', referrerpolicy: 'no-referrer' }),
          )
        : empty('The captured HTML is not available.'),
    ),
  );
}
