/** File names of an exported evidence bundle (see evidence-bundle.ts). */
export const bundleRecordsName = 'records.warc.gz';
export const bundleSumsName = 'SHA256SUMS';
export const bundleProvenanceName = 'provenance.json';
export const bundleImagesDir = 'images';
