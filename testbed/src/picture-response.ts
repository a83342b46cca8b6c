import { contentTypeOf, type AdPicture } from './ad-pictures.js';
import type { PictureCache } from './picture-cache.js';
import { DeferredBody, type SiteResponse } from './site-response.js';

/** A picture, rendered on first request and kept in the cache; pictures never change for a seed. */
export function pictureResponse(cache: PictureCache, picture: AdPicture): SiteResponse {
  return {
    status: 200,
    headers: { 'content-type': contentTypeOf(picture.recipe.format), 'cache-control': 'public, max-age=86400' },
    body: new DeferredBody(() => cache.get(picture.key, picture.recipe)),
  };
}
