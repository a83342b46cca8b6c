import type { AdPicture } from './ad-pictures.js';
import { photoPicture, photosPerOperator } from './picture-recipes.js';
import type { TestbedLayout } from './testbed-layout.js';

/** An operator's photo under a site's prefix; the same bytes on every site that shows it. */
export function sharedPhotoAt(layout: TestbedLayout, pathname: string, pattern: RegExp, site: { host: string; prefix: string }): AdPicture | undefined {
  const photo = pattern.exec(pathname);
  if (!photo) return undefined;
  const operator = Number(photo[1]);
  const index = Number(photo[2]);
  return operator < layout.operators.length && index < photosPerOperator ? photoPicture(layout.seed, operator, index, site) : undefined;
}
