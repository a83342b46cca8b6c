import type { IndexStore } from '@indicia/indexer';
import { requireIndex, resolveDataDir } from './data-dir.js';

export interface IndexLocation {
  /** Data directory holding the embedded (SQLite) index. */
  data?: string;
  /** Elasticsearch URL: read the distributed index there instead (env INDICIA_ES). */
  es?: string;
  /** Prefix of the Elasticsearch indices (env INDICIA_ES_PREFIX, default "indicia"). */
  esPrefix?: string;
  /**
   * SQLite only: full-text queries rank at most this many of the most recently indexed matches
   * (the store's default 10,000); the total of a query matching more is then a lower bound.
   */
  textCandidateLimit?: number;
}

/** The index a reading command works on: Elasticsearch when --es (or INDICIA_ES) is given, the data directory's SQLite index otherwise. */
export async function openIndexStore(location: IndexLocation): Promise<IndexStore> {
  const es = location.es ?? process.env.INDICIA_ES;
  if (es) {
    const { ElasticsearchIndexStore } = await import('@indicia/indexer');
    return ElasticsearchIndexStore.open({ node: es, indexPrefix: location.esPrefix ?? process.env.INDICIA_ES_PREFIX ?? 'indicia' });
  }
  const layout = requireIndex(resolveDataDir(location.data));
  const { SqliteIndexStore } = await import('@indicia/indexer');
  return SqliteIndexStore.open(layout.index, location.textCandidateLimit === undefined ? {} : { textCandidateLimit: location.textCandidateLimit });
}
