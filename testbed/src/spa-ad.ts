import type { SpaAd } from './ad-model.js';
import { generateClassifiedsAd } from './classifieds-ad.js';
import type { Operator } from './operators.js';
import { photoPicture, photosPerOperator } from './picture-recipes.js';
import type { SeededRandom } from './random.js';
import { spaHost } from './site-hosts.js';

export function spaAdPath(id: number): string {
  return `/ad/${id}`;
}

/** A classifieds ad (contacts, disguises and all) shown by the app, with one to three of the operator's photos. */
export function generateSpaAd(random: SeededRandom, operators: readonly Operator[], localIndex: number, seed: number): SpaAd {
  const base = generateClassifiedsAd(random, operators, localIndex, 'public');
  const id = localIndex + 1;
  const path = spaAdPath(id);
  const photoCount = random.int(1, photosPerOperator);
  const firstPhoto = random.int(0, photosPerOperator - 1);
  const pictures = Array.from({ length: photoCount }, (_, n) => photoPicture(seed, base.operator.index, (firstPhoto + n) % photosPerOperator, { host: spaHost, prefix: '/media' }));
  return { ...base, kind: 'spa', host: spaHost, path, url: `http://${spaHost}${path}`, pictures };
}
