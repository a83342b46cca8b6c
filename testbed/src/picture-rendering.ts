import sharp from 'sharp';
import type { PictureRecipe } from './ad-pictures.js';
import { photoSvg, textPictureSvg } from './picture-drawing.js';
import { SeededRandom } from './random.js';

const grainTileSize = 128;

/** One grey noise tile per grain seed; its alpha carries the grain's strength. */
function grainTile(seed: number, opacity: number): Buffer {
  const random = new SeededRandom(seed);
  const tile = Buffer.alloc(grainTileSize * grainTileSize * 4);
  const alpha = Math.round(opacity * 255);
  for (let pixel = 0; pixel < grainTileSize * grainTileSize; pixel++) {
    const grey = Math.floor(random.next() * 256);
    tile[pixel * 4] = grey;
    tile[pixel * 4 + 1] = grey;
    tile[pixel * 4 + 2] = grey;
    tile[pixel * 4 + 3] = alpha;
  }
  return tile;
}

/**
 * The bytes of a picture. The same recipe gives the same bytes on this machine (fixed fonts,
 * seeded grain, no timestamps or metadata in the output).
 */
export async function renderPicture(recipe: PictureRecipe): Promise<Buffer> {
  let image = sharp(Buffer.from(recipe.kind === 'text' ? textPictureSvg(recipe) : photoSvg(recipe)));
  if (recipe.kind === 'photo') image = image.blur(6);
  if (recipe.kind === 'text' && recipe.grain > 0) {
    image = image.composite([{ input: grainTile(recipe.grainSeed, recipe.grain), raw: { width: grainTileSize, height: grainTileSize, channels: 4 }, tile: true }]);
  }
  return recipe.format === 'png' ? image.png({ compressionLevel: 6 }).toBuffer() : image.jpeg({ quality: recipe.jpegQuality }).toBuffer();
}
