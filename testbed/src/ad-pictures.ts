import type { WrittenHandle } from './operators.js';
import type { FictionalPhone } from './phone-regions.js';

export type PictureFormat = 'png' | 'jpeg';

/** One line of text drawn into a picture. */
export interface PictureLine {
  text: string;
  /** Pixels. */
  size: number;
  bold: boolean;
}

/** How to draw a picture with writing in it: everything decided up front, from the seed. */
export interface TextPictureRecipe {
  kind: 'text';
  width: number;
  height: number;
  format: PictureFormat;
  /** A font family fontconfig knows (DejaVu and Liberation are on the machine). */
  font: string;
  lines: PictureLine[];
  ink: string;
  background: { from: string; to: string };
  /** Degrees, within ±4. */
  rotation: number;
  /** Opacity of the grain laid over the picture; 0 for none. */
  grain: number;
  /** Seed of the grain pattern (feTurbulence), so the noise is the same every time. */
  grainSeed: number;
  /** Used when format is jpeg: low qualities leave visible artefacts. */
  jpegQuality: number;
}

/** A photo-like picture with no writing: gradients and soft shapes. */
export interface PhotoRecipe {
  kind: 'photo';
  width: number;
  height: number;
  format: PictureFormat;
  /** Seed of the shapes and colours. */
  seed: number;
  jpegQuality: number;
}

export type PictureRecipe = TextPictureRecipe | PhotoRecipe;

/**
 * A picture an ad page shows. The key names the bytes: two pictures with the same key are the same
 * file, on any ad and any site (a photo an operator reuses, a contact card posted again and again).
 */
export interface AdPicture {
  key: string;
  /** Path on the host of the ad that shows it. */
  path: string;
  url: string;
  recipe: PictureRecipe;
  /** The contacts written in it, as written; none for photos. */
  phones: FictionalPhone[];
  emails: string[];
  handles: WrittenHandle[];
}

export function contentTypeOf(format: PictureFormat): string {
  return format === 'png' ? 'image/png' : 'image/jpeg';
}

export function extensionOf(format: PictureFormat): string {
  return format === 'png' ? 'png' : 'jpg';
}
