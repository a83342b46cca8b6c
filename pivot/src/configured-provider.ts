import type { Logger } from '@indicia/core';
import type { PivotSettings } from './pivot-config.js';
import { WhoisXmlApiProvider } from './providers/whoisxml-api-provider.js';
import type { WhoisXmlApiSettings } from './providers/whoisxml-settings.js';

/** The WhoisXML API settings held in the pivot settings (INDICIA_WHOISXML_*). */
export function whoisXmlSettingsOf(settings: PivotSettings): WhoisXmlApiSettings {
  // One base URL (a proxy, the tests' fake) serves both APIs under their documented paths.
  const base = settings.whoisxmlUrl === null ? null : settings.whoisxmlUrl.replace(/\/+$/, '');
  return {
    apiKey: settings.whoisxmlApiKey,
    historyUrl: base === null ? settings.whoisxmlHistoryUrl : `${base}/api/v1`,
    reverseUrl: base === null ? settings.whoisxmlReverseUrl : `${base}/api/v2`,
    requestTimeoutMs: settings.whoisxmlRequestTimeoutMs,
    maxConcurrent: settings.whoisxmlMaxConcurrent,
    breakerFailureThreshold: settings.whoisxmlBreakerFailureThreshold,
    breakerCoolDownMs: settings.whoisxmlBreakerCoolDownMs,
    reverseSearchType: settings.whoisxmlReverseSearchType,
    maxReversePages: settings.whoisxmlMaxReversePages,
  };
}

/**
 * The external registration provider the settings configure: WhoisXML API, disabled (and saying
 * why in describe()) when there is no key.
 */
export function createConfiguredProvider(settings: PivotSettings, options: { logger?: Logger } = {}): WhoisXmlApiProvider {
  return new WhoisXmlApiProvider({ settings: whoisXmlSettingsOf(settings), ...(options.logger ? { logger: options.logger } : {}) });
}

/** Where a URL points, without credentials, path or query: safe to show in a start-up line. */
export function originOf(url: string): string {
  return new URL(url).origin;
}
