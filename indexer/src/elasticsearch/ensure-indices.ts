import type { Client, estypes } from '@elastic/elasticsearch';
import { StopRunError, type Logger } from '@indicia/core';
import { responseErrorType } from './es-failure.js';
import { adsMapping, dnsMapping, dynamicSettings, indicatorsMapping, registrationsMapping, type IndexNames, type IndexTuning } from './index-layout.js';
import { RetryBudget, retryWhileTransient } from './retry-budget.js';

/** Bumped when the mappings change, so an operator can tell which layout an index was made with. */
const layoutVersion = 1;
/** Above the built-in templates (100–200), so a prefix such as "logs" cannot pick up theirs. */
const templatePriority = 500;

/**
 * Creates or updates the store's composable index templates and indices. Idempotent and safe when
 * several workers open the store at once: templates are overwritten with the same content, the
 * loser of a creation race finds the index there, and an existing index is brought up to date
 * (new fields, tuned settings) with put-mapping and put-settings, which are no-ops when nothing changed.
 */
export async function ensureIndices(client: Client, names: IndexNames, tuning: IndexTuning, context: { budget: RetryBudget; log: Logger }): Promise<void> {
  const layouts: Array<{ kind: keyof IndexNames; mappings: estypes.MappingTypeMapping }> = [
    { kind: 'ads', mappings: adsMapping },
    { kind: 'indicators', mappings: indicatorsMapping },
    { kind: 'registrations', mappings: registrationsMapping },
    { kind: 'dns', mappings: dnsMapping },
  ];
  // The indices are independent: set up at once, opening costs one round of cluster updates.
  await Promise.all(layouts.map(({ kind, mappings }) => ensureIndex(client, { index: names[kind], kind, mappings, tuning }, context)));
}

async function ensureIndex(
  client: Client,
  layout: { index: string; kind: keyof IndexNames; mappings: estypes.MappingTypeMapping; tuning: IndexTuning },
  context: { budget: RetryBudget; log: Logger },
): Promise<void> {
  const { index, kind, mappings, tuning } = layout;
  const settings = { ...dynamicSettings(tuning, kind), number_of_shards: tuning.shards };
  const step = <T>(doing: string, work: () => Promise<T>): Promise<T> =>
    retryWhileTransient(work, context.budget, { doing: `${doing} ${index}`, onRetry: (error) => context.log.warn({ index, err: error }, `Elasticsearch unavailable while ${doing}; retrying`) });
  try {
    await step('putting the index template of', () =>
      client.indices.putIndexTemplate({ name: index, index_patterns: [index], priority: templatePriority, template: { settings, mappings }, _meta: { managedBy: 'indicia', layoutVersion } }),
    );
    const created = await step('creating', () => createUnlessPresent(client, index));
    if (!created) {
      const { _source: _ignored, ...updatableMappings } = mappings;
      await step('updating the mapping of', () => client.indices.putMapping({ index, ...updatableMappings }));
      await step('updating the settings of', () => client.indices.putSettings({ index, settings: dynamicSettings(tuning, kind) }));
    }
    await step('waiting for the shards of', () => client.cluster.health({ index, wait_for_status: 'yellow', timeout: '30s' }));
  } catch (error) {
    if (responseErrorType(error) !== undefined) throw new StopRunError(`cannot set up the Elasticsearch index ${index}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    throw error;
  }
}

/** True when this call created the index; false when it was there (made earlier, or by another worker just now). */
async function createUnlessPresent(client: Client, index: string): Promise<boolean> {
  try {
    await client.indices.create({ index, wait_for_active_shards: 1 });
    return true;
  } catch (error) {
    if (responseErrorType(error) === 'resource_already_exists_exception') return false;
    throw error;
  }
}
