// Exports of the link graph: a STIX 2.1 bundle, Maltego-importable tables and a Maltego graph file.
export { stixBundle } from './stix-bundle.js';
export type { StixBundle, StixExport, StixExportOptions } from './stix-bundle.js';
export type { StixObject } from './stix-observables.js';
export { canonicalJson, stixScoId, uuidV5, stixScoNamespace } from './stix-identifiers.js';
export { maltegoEntityColumns, maltegoEntityOfKind, maltegoLinkColumns, maltegoTables } from './maltego-csv.js';
export type { MaltegoLinkTable, MaltegoTables } from './maltego-csv.js';
export { maltegoGraphFile, maltegoGraphml, maltegoGraphPath } from './maltego-mtgx.js';
export { ZipTooLargeError } from './zip-archive.js';
