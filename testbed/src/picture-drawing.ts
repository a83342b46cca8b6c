import type { PhotoRecipe, TextPictureRecipe } from './ad-pictures.js';
import { escapeHtml } from './html.js';
import { SeededRandom } from './random.js';

/** Pictures as SVG, for sharp (librsvg) to rasterise. No filters: librsvg's are slow; blur and grain are added by sharp. */

export function textPictureSvg(recipe: TextPictureRecipe): string {
  const { width, height, lines } = recipe;
  const gaps = lines.map((line) => line.size * 1.4);
  const block = gaps.reduce((sum, gap) => sum + gap, 0);
  let baseline = (height - block) / 2;
  const texts = lines.map((line, index) => {
    baseline += gaps[index]!;
    const y = Math.round(baseline - line.size * 0.35);
    const weight = line.bold ? ' font-weight="bold"' : '';
    return `<text x="${width / 2}" y="${y}" font-family="${recipe.font}" font-size="${line.size}"${weight} fill="${recipe.ink}" text-anchor="middle">${escapeHtml(line.text)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${recipe.background.from}"/><stop offset="1" stop-color="${recipe.background.to}"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#bg)"/>
<g transform="rotate(${recipe.rotation.toFixed(2)} ${width / 2} ${height / 2})">
${texts.join('\n')}
</g>
</svg>`;
}

/** Skin, fabric and room tones: soft blobs on a radial gradient read as an out-of-focus photo. */
const photoTones = ['#f5d0c5', '#e0b199', '#c08a6e', '#8d5a44', '#6b3a2e', '#3b2f5c', '#1f2937', '#7f1d1d', '#f3e8ff', '#fde68a', '#94a3b8', '#0f766e'];

export function photoSvg(recipe: PhotoRecipe): string {
  const random = new SeededRandom(recipe.seed);
  const { width, height } = recipe;
  const light = random.pick(photoTones);
  const dark = random.pick(photoTones);
  const shapes: string[] = [];
  const count = random.int(3, 7);
  for (let i = 0; i < count; i++) {
    const x = random.int(0, width);
    const y = random.int(0, height);
    const fill = random.pick(photoTones);
    const opacity = (0.5 + random.next() * 0.5).toFixed(2);
    switch (random.int(0, 2)) {
      case 0:
        shapes.push(`<circle cx="${x}" cy="${y}" r="${random.int(20, Math.round(height / 3))}" fill="${fill}" opacity="${opacity}"/>`);
        break;
      case 1:
        shapes.push(`<ellipse cx="${x}" cy="${y}" rx="${random.int(30, Math.round(width / 4))}" ry="${random.int(40, Math.round(height / 2))}" fill="${fill}" opacity="${opacity}"/>`);
        break;
      default:
        shapes.push(`<rect x="${x - 100}" y="${y - 60}" width="${random.int(60, 260)}" height="${random.int(60, 200)}" rx="${random.int(0, 40)}" fill="${fill}" opacity="${opacity}"/>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><radialGradient id="bg" cx="${random.next().toFixed(2)}" cy="${random.next().toFixed(2)}" r="0.9"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/></radialGradient></defs>
<rect width="100%" height="100%" fill="url(#bg)"/>
${shapes.join('\n')}
</svg>`;
}
