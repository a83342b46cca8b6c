import { h, s } from './dom.js';

export interface TimelinePoint {
  period: string;
  ads: number;
}

const width = 720;
const height = 180;
const margin = { top: 12, right: 12, bottom: 28, left: 40 };

/** Each period's label: '2025-06-01' → '06-01', months as they are. */
function shortLabel(period: string): string {
  return period.length === 10 ? period.slice(5) : period;
}

/**
 * Ads first seen per period as SVG bars; empty periods are absent from the data and left as gaps
 * by placing bars on a continuous day/month axis.
 */
export function timelineChart(points: readonly TimelinePoint[], label: string): Element {
  if (points.length === 0) return h('p', { class: 'empty' }, 'No dated ads.');
  const keys = axisKeys(points.map((point) => point.period));
  const counts = new Map(points.map((point) => [point.period, point.ads]));
  const max = Math.max(...points.map((point) => point.ads));
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const slot = plotWidth / keys.length;
  const barWidth = Math.max(1, Math.min(24, slot * 0.8));
  const chart = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'timeline', role: 'img', 'aria-label': label, width: '100%' });
  chart.append(s('title', {}, label));
  for (const tick of [0, Math.ceil(max / 2), max]) {
    const y = margin.top + plotHeight - (tick / max) * plotHeight;
    chart.append(s('line', { x1: margin.left, x2: width - margin.right, y1: y, y2: y, class: 'gridline' }), s('text', { x: margin.left - 6, y: y + 4, 'text-anchor': 'end', class: 'axis-label' }, String(tick)));
  }
  keys.forEach((key, index) => {
    const ads = counts.get(key) ?? 0;
    if (ads === 0) return;
    const barHeight = (ads / max) * plotHeight;
    const x = margin.left + index * slot + (slot - barWidth) / 2;
    chart.append(s('rect', { x, y: margin.top + plotHeight - barHeight, width: barWidth, height: barHeight, class: 'bar', 'data-period': key, 'data-ads': ads }, s('title', {}, `${key}: ${ads} ad${ads === 1 ? '' : 's'}`)));
  });
  const labelled = keys.length <= 8 ? keys.map((_key, index) => index) : [0, Math.floor(keys.length / 2), keys.length - 1];
  for (const index of labelled) {
    chart.append(s('text', { x: margin.left + index * slot + slot / 2, y: height - 8, 'text-anchor': 'middle', class: 'axis-label' }, shortLabel(keys[index]!)));
  }
  return chart;
}

/** Every day (or month) from the first period to the last, so gaps show; capped for very long spans. */
function axisKeys(periods: readonly string[]): string[] {
  const sorted = [...periods].sort();
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const monthly = first.length === 7;
  const keys: string[] = [];
  const cursor = new Date(`${monthly ? `${first}-01` : first}T00:00:00Z`);
  const end = new Date(`${monthly ? `${last}-01` : last}T00:00:00Z`);
  while (cursor <= end && keys.length < 400) {
    keys.push(cursor.toISOString().slice(0, monthly ? 7 : 10));
    if (monthly) cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    else cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  // Past the cap the axis falls back to the periods themselves (no gaps shown, every bar kept).
  return keys.length >= 400 ? sorted : keys;
}
