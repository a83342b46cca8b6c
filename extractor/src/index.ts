export { extractPage, type ExtractOptions, type PageExtraction } from './extract-page.js';
export { createExtractStage, type ExtractStageOptions } from './extract-stage.js';
export { ExtractionPool, type ExtractionPoolOptions } from './extraction-pool.js';
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
