import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { StopRunError } from '@indicia/core';

/** Languages OCR reads: English and Spanish, each from its npm package (@tesseract.js-data/<code>). */
export const ocrLanguages = ['eng', 'spa'] as const;
export type OcrLanguage = (typeof ocrLanguages)[number];

/** The LSTM-only integer models: a third of the size of the full data and what LSTM_ONLY reads. */
const modelFolder = '4.0.0_best_int';
const require = createRequire(import.meta.url);

/** Where a language's gzipped traineddata lies inside node_modules. */
export function languageDataFile(language: OcrLanguage): string {
  let manifest: string;
  try {
    manifest = require.resolve(`@tesseract.js-data/${language}/package.json`);
  } catch (error) {
    throw new StopRunError(`OCR language data for "${language}" is not installed (npm install @tesseract.js-data/${language})`, { cause: error });
  }
  return join(dirname(manifest), modelFolder, `${language}.traineddata.gz`);
}

/**
 * tesseract.js takes a single `langPath` for all its languages, while each language package lives
 * in its own folder; and without a local `langPath` it fetches from a CDN. So the packages' files
 * are copied into one local folder (once: a file of the right size is kept), and that folder is
 * the langPath. Copies go through a temporary name, so a concurrent or interrupted copy never
 * leaves a partial file behind.
 */
export async function stageLanguageData(languages: readonly OcrLanguage[], folder = defaultLanguageDataFolder()): Promise<string> {
  await mkdir(folder, { recursive: true });
  for (const language of languages) {
    const source = languageDataFile(language);
    const sourceSize = await fileSize(source);
    if (sourceSize === null) throw new StopRunError(`OCR language data for "${language}" is missing: ${source} (reinstall @tesseract.js-data/${language})`);
    const target = join(folder, `${language}.traineddata.gz`);
    if ((await fileSize(target)) === sourceSize) continue;
    const partial = `${target}.${process.pid}.${Date.now()}.partial`;
    await copyFile(source, partial);
    await rename(partial, target);
  }
  return folder;
}

function defaultLanguageDataFolder(): string {
  return join(tmpdir(), `indicia-tessdata-${userInfo().uid}`, modelFolder);
}

async function fileSize(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
