import { UsageError, type IdentityField } from '@indicia/core';
import { createConfiguredProvider, pivotConfig, withDeadline } from '@indicia/pivot';

/** The providers `pivot reverse --provider` can ask. */
export const reverseProviders = ['whoisxml'] as const;
export type ReverseProviderName = (typeof reverseProviders)[number];

/** A provider's answer, or why there is none (shown as a warning; the collected history still prints). */
export type ProviderReverseAnswer =
  | { status: 'answered'; provider: ReverseProviderName; label: string; domains: string[]; truncated: boolean }
  | { status: 'unavailable'; provider: ReverseProviderName; label: string; reason: string };

export function reverseProviderOf(name: string): ReverseProviderName {
  const known = reverseProviders.find((provider) => provider === name.trim().toLowerCase());
  if (known === undefined) throw new UsageError(`unknown provider "${name}": known providers are ${reverseProviders.join(', ')}`);
  return known;
}

/**
 * Asks the provider's Reverse WHOIS for the value (each reading of it), within the provider
 * deadline (INDICIA_PROVIDER_TIMEOUT_MS). Settings come from the environment, as a crawl's do;
 * the key is never shown: the provider's messages are scrubbed of it.
 */
export async function askReverseProvider(name: ReverseProviderName, query: { field: IdentityField; values: string[] }): Promise<ProviderReverseAnswer> {
  const settings = pivotConfig.resolve({ env: process.env }).values;
  const provider = createConfiguredProvider(settings);
  const label = 'WhoisXML API';
  const state = provider.describe();
  if (!state.enabled) return { status: 'unavailable', provider: name, label, reason: state.reason ?? `${label} disabled` };
  // Each search is charged: a national phone number that reads several ways is not sent as all of them.
  if (query.values.length > 1) {
    return { status: 'unavailable', provider: name, label, reason: `not asked: the number reads ${query.values.length} ways; give it with its country code (+1 702 ...) or --country` };
  }
  const outcome = await withDeadline(
    async (signal) => {
      const answers = await Promise.all(query.values.map((value) => provider.reverse({ field: query.field, value }, { signal })));
      return { domains: [...new Set(answers.flatMap((answer) => answer.domains))].sort(), truncated: answers.some((answer) => answer.truncated) };
    },
    { deadlineMs: settings.providerTimeoutMs },
  );
  if (outcome.status === 'ok') return { status: 'answered', provider: name, label, ...outcome.value };
  return { status: 'unavailable', provider: name, label, reason: outcome.reason };
}
