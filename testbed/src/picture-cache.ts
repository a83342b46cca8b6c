import type { PictureRecipe } from './ad-pictures.js';
import { renderPicture } from './picture-rendering.js';

/**
 * Rendered pictures by key, least recently used dropped first, so a crawl that fetches a photo
 * shown on many ads renders it once. Holds promises: concurrent requests share one rendering.
 */
export class PictureCache {
  private readonly entries = new Map<string, Promise<Buffer>>();

  constructor(private readonly capacity = 256) {}

  get(key: string, recipe: PictureRecipe): Promise<Buffer> {
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const rendering = renderPicture(recipe);
    // A failed rendering is not kept: the next request tries again.
    rendering.catch(() => {
      if (this.entries.get(key) === rendering) this.entries.delete(key);
    });
    this.entries.set(key, rendering);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return rendering;
  }

  get size(): number {
    return this.entries.size;
  }
}
