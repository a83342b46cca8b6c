import { DeadLetterError, maxRawRegistrationChars, type DnsRecorded, type WhoisRecorded } from '@indicia/core';
import { resolveDomainRecords } from './dns/index.js';
import { createConfiguredProvider, originOf, whoisXmlSettingsOf } from './configured-provider.js';
import type { PivotSettings } from './pivot-config.js';
import { createProviderHistoryImport } from './provider-history-import.js';
import type { DnsLookup, RegistrationLookup } from './pivot-stage.js';
import { RdapClient } from './rdap/index.js';
import { RdapNoServiceError, RdapUnavailableError } from './rdap/rdap-errors.js';
import { reservedDomainReason } from './reserved-domains.js';
import { recordedChainOf, WhoisClient } from './whois-client/index.js';
import { parseWhois, WhoisParseError } from './whois-parser/index.js';

/** The lookups the pivot stage makes, built from its settings, and what they will do (for the start-up line). */
export interface PivotLookups {
  registration: RegistrationLookup | null;
  dns: DnsLookup | null;
  skipReason: (domain: string) => string | null;
  /** One line per part: enabled and how, or disabled and why. */
  describe(): string[];
}

export interface PivotLookupOptions {
  /** Where a refreshed RDAP bootstrap is kept (the data directory); the bundled snapshot otherwise. */
  cacheDir?: string;
}

/**
 * RDAP first, where the bootstrap (or an override) names a server for the TLD: structured, and the
 * registries' replacement for WHOIS. WHOIS otherwise, or when the RDAP answer cannot be read. A
 * configured server (either protocol) for the domain overrides discovery entirely. A
 * server that is busy or down is not skipped over: the lookup fails as retryable and is tried
 * again later, so the history never records a WHOIS answer where an RDAP one was due by accident.
 */
export function createPivotLookups(settings: PivotSettings, options: PivotLookupOptions = {}): PivotLookups {
  const covered = (map: Readonly<Record<string, string>>, domain: string) => '*' in map || Object.keys(map).some((suffix) => domain === suffix || domain.endsWith(`.${suffix}`));
  const skipReason = (domain: string): string | null => {
    const reserved = reservedDomainReason(domain);
    if (reserved === null) return null;
    return covered(settings.whoisServers, domain) || covered(settings.rdapServers, domain) ? null : `${reserved}; no server is configured for it`;
  };
  if (!settings.pivot) {
    return { registration: null, dns: null, skipReason, describe: () => ['pivot: disabled (--no-pivot or INDICIA_PIVOT=false)'] };
  }
  const timeoutMs = settings.lookupTimeoutMs;
  const rdap = settings.rdap
    ? new RdapClient({ servers: settings.rdapServers, bootstrapFile: settings.rdapBootstrap ?? undefined, cacheDir: options.cacheDir, timeoutMs, minIntervalMs: settings.lookupIntervalMs })
    : null;
  const whois = new WhoisClient({ servers: settings.whoisServers, connect: settings.whoisConnect, timeoutMs, minIntervalMs: settings.lookupIntervalMs });

  // The provider's history comes in the first time a domain is looked up; without a key (or with
  // the import switched off) the pipeline runs on Indicia's own lookups alone.
  const provider = createConfiguredProvider(settings);
  const importHistory = provider.describe().enabled && settings.whoisxmlHistoryImport ? createProviderHistoryImport({ provider, deadlineMs: settings.providerTimeoutMs }) : null;
  const describeProvider = (): string => {
    const state = provider.describe();
    if (!state.enabled) return `  provider history: off (${state.reason ?? 'disabled'})`;
    if (importHistory === null) return '  provider history: off (INDICIA_WHOISXML_HISTORY_IMPORT=false); WhoisXML API is on for pivot reverse --provider whoisxml';
    return `  provider history: WhoisXML API WHOIS History (${originOf(whoisXmlSettingsOf(settings).historyUrl)}) imported the first time a domain is looked up (uses API credits); a call past ${humanDuration(settings.providerTimeoutMs)} is given up and the domain's own lookup goes on`;
  };

  let rdapFallbacks = 0;
  const registration: RegistrationLookup = {
    ...(importHistory === null ? {} : { importHistory }),
    async lookup(domain): Promise<Omit<WhoisRecorded, 'domain' | 'observedAt'>> {
      // A server configured for the domain is the only one asked: the testbed's registries, or an
      // investigator's own mirror, must never be bypassed for a public registry found by bootstrap.
      const rdapConfigured = covered(settings.rdapServers, domain);
      const whoisConfigured = covered(settings.whoisServers, domain);
      if (rdap !== null && (rdapConfigured || !whoisConfigured)) {
        try {
          const answer = await rdap.lookupDomain(domain);
          return { source: 'rdap', server: answer.server, record: answer.record, raw: cut(answer.raw), rawSha256: answer.rawSha256 };
        } catch (error) {
          // Busy or down: try again later rather than record a WHOIS answer in its place.
          if (error instanceof RdapUnavailableError) throw error;
          if (rdapConfigured && !whoisConfigured) throw error;
          if (!(error instanceof RdapNoServiceError)) rdapFallbacks++;
        }
      }
      const answer = await whois.lookup(domain);
      try {
        const record = parseWhois(answer.raw, { domain, server: answer.server });
        return { source: 'whois', server: answer.server, record, raw: cut(answer.raw), rawSha256: answer.rawSha256, ...recordedChainOf(answer) };
      } catch (error) {
        if (error instanceof WhoisParseError) throw new DeadLetterError(`the WHOIS answer of ${answer.server} for ${domain} cannot be read: ${error.message}`, { cause: error });
        throw error;
      }
    },
  };

  const dns: DnsLookup = {
    resolve: (domain): Promise<DnsRecorded> => resolveDomainRecords(domain, { resolvers: settings.dnsResolvers, timeoutMs: Math.min(timeoutMs, 5000) }),
  };

  return {
    registration,
    dns,
    skipReason,
    describe: () => [
      `pivot: enabled; each domain looked at again after ${humanDuration(settings.pivotRefresh)}`,
      `  registration: ${rdap !== null ? `RDAP (${Object.keys(settings.rdapServers).length > 0 ? `overrides for ${Object.keys(settings.rdapServers).join(', ')}, then ` : ''}${settings.rdapBootstrap ? `bootstrap ${settings.rdapBootstrap}` : 'the bundled IANA bootstrap'}), else ` : ''}WHOIS (${Object.keys(settings.whoisServers).length > 0 ? `overrides for ${Object.keys(settings.whoisServers).join(', ')}, then ` : ''}the bundled server map, then whois.iana.org)${rdapFallbacks > 0 ? `; ${rdapFallbacks} unreadable RDAP answers fell back to WHOIS` : ''}`,
      describeProvider(),
      `  DNS: ${settings.dnsResolvers.length > 0 ? `resolvers ${settings.dnsResolvers.join(', ')}` : 'the system resolver'}`,
      '  reserved names (.test, .example, example.com...) are looked up only where a server is configured for them',
    ],
  };
}

function cut(raw: string): string {
  return raw.length > maxRawRegistrationChars ? raw.slice(0, maxRawRegistrationChars) : raw;
}

function humanDuration(ms: number): string {
  const units: Array<[number, string]> = [[604_800_000, 'w'], [86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'm'], [1000, 's']];
  for (const [size, unit] of units) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms} ms`;
}
