export { extractPage, type ExtractOptions, type PageExtraction } from './extract-page.js';
export { createExtractStage, type ExtractStage, type ExtractStageOptions } from './extract-stage.js';
export { ExtractionPool, type ExtractionPoolOptions } from './extraction-pool.js';
export { defaultOcrWorkers, OcrPool, type OcrOutcome, type OcrPoolOptions } from './images/ocr-pool.js';
export { ocrLanguages, type OcrLanguage } from './images/ocr-language-data.js';
export { defaultMaxImagePixels, readImage, readImages, type ReadImagesOptions } from './images/read-images.js';
export { decodeGray, type GrayImage } from './images/gray-image.js';
export { hammingDistance, isNearDuplicate, nearDuplicateMaxDistance, perceptualHash } from './images/perceptual-hash.js';
export { detectText, type TextPresence } from './images/text-presence.js';
export { preprocessForOcr, type OcrPreprocessOptions, type OcrPreprocessSteps } from './images/ocr-preprocess.js';
export { extractIndicators, type IndicatorContext } from './extract-indicators.js';
export { normalizePhone } from './phone-normalization.js';
export { normalizeEmail } from './email-normalization.js';
export { normalizeHandle } from './handle-normalization.js';
export { inferDefaultCountry, type CountryInferenceInput, type InferredCountry } from './country-inference.js';
export { siteConfigSchema, type SiteConfig } from './site-config.js';
export type { PageKind } from './page-classifier.js';
export {
  batchRecordSchema,
  extractBatchLine,
  extractBatchRecord,
  isBatchCountry,
  parseBatchRecord,
  type BatchIndicator,
  type BatchLineResult,
  type BatchOutputRecord,
  type BatchRecord,
  type BatchRecordOptions,
  type BatchRecordParse,
} from './batch-record.js';
