import { sharedHosting } from './registry-data.js';
import type { RegistrationWorld } from './registration-world.js';
import type { DnsRecordData } from './dns-wire.js';

/** What the server knows of one name: its records by type, and the zone (registrable domain) it is in. */
export interface DnsName {
  zone: string;
  records: DnsRecordData[];
}

/**
 * Every name the testbed's DNS answers for: each domain of the world and its www, the mail
 * exchangers inside it, and the nameserver hosts. Zones are the world's domains plus the hosting
 * and registrar domains that hold nameservers; any other name under them is NXDOMAIN with the SOA.
 */
export class DnsZone {
  private readonly names = new Map<string, DnsName>();
  readonly zones = new Set<string>();

  constructor(world: RegistrationWorld) {
    for (const domain of world.domains) {
      const { dns } = domain;
      this.zones.add(domain.domain);
      const addresses: DnsRecordData[] = [...dns.a.map((address) => ({ type: 'A' as const, address })), ...dns.aaaa.map((address) => ({ type: 'AAAA' as const, address }))];
      this.add(domain.domain, domain.domain, [
        ...addresses,
        ...dns.mx.map((mx) => ({ type: 'MX' as const, priority: mx.priority, exchange: mx.exchange })),
        ...dns.ns.map((host) => ({ type: 'NS' as const, host })),
        ...dns.txt.map((text) => ({ type: 'TXT' as const, text })),
      ]);
      this.add(`www.${domain.domain}`, domain.domain, addresses);
      for (const mx of dns.mx) if (mx.exchange.endsWith(`.${domain.domain}`)) this.add(mx.exchange, domain.domain, addresses);
    }
    const nameserverHosts = new Set(world.domains.flatMap((domain) => domain.dns.ns));
    let serial = 0;
    for (const host of [...nameserverHosts, 'mx.shared-hosting.test'].sort()) {
      const zone = host.split('.').slice(-2).join('.');
      this.zones.add(zone);
      serial += 1;
      const address = zone === 'shared-hosting.test' ? sharedHosting.ipv4 : `192.0.2.${100 + (serial % 100)}`;
      this.add(host, zone, [{ type: 'A', address }]);
    }
  }

  lookup(name: string): DnsName | undefined {
    return this.names.get(name.toLowerCase());
  }

  /** The zone a name falls in (itself or an ancestor), or undefined when none of the testbed's. */
  zoneOf(name: string): string | undefined {
    const labels = name.toLowerCase().split('.');
    for (let start = 0; start < labels.length - 1; start++) {
      const candidate = labels.slice(start).join('.');
      if (this.zones.has(candidate)) return candidate;
    }
    return undefined;
  }

  private add(name: string, zone: string, records: DnsRecordData[]): void {
    const existing = this.names.get(name);
    this.names.set(name, { zone, records: existing === undefined ? records : [...existing.records, ...records] });
  }
}
