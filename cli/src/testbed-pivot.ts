import type { RunningTestbed } from '@indicia/testbed';

/**
 * Pivot settings that send every lookup to the testbed's own registries: RDAP for .test (the
 * registry's structured answer), WHOIS for the other TLDs (thin .example/.com registries refer to
 * the registrar's server), DNS to its resolver; no pacing on loopback.
 */
export function testbedPivotSettings(testbed: Pick<RunningTestbed, 'whois' | 'rdapUrl' | 'dnsServer'>): Record<string, unknown> {
  return {
    rdapServers: { test: testbed.rdapUrl },
    whoisServers: { '*': testbed.whois.registry },
    whoisConnect: testbed.whois.connect,
    dnsResolvers: [testbed.dnsServer],
    lookupIntervalMs: 0,
  };
}

/** The same settings as environment variables, for a child `indicia` process. */
export function testbedPivotEnv(testbed: Pick<RunningTestbed, 'whois' | 'rdapUrl' | 'dnsServer'>): Record<string, string> {
  const pairs = (map: Record<string, string>) => Object.entries(map).map(([key, value]) => `${key}=${value}`).join(',');
  return {
    INDICIA_RDAP_SERVERS: pairs({ test: testbed.rdapUrl }),
    INDICIA_WHOIS_SERVERS: pairs({ '*': testbed.whois.registry }),
    INDICIA_WHOIS_CONNECT: pairs(testbed.whois.connect),
    INDICIA_DNS_RESOLVERS: testbed.dnsServer,
    INDICIA_LOOKUP_INTERVAL_MS: '0',
  };
}
