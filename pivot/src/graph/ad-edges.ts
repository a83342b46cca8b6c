import { addEdge, addNode } from './graph-assembly.js';
import type { BuildGraphOptions, GraphAd, GraphAdIndicator } from './graph-input.js';
import { nodeIdOf, type EdgeStrength, type GraphNode, type LinkGraph } from './graph-model.js';
import { registrableDomainOf } from './registrable-domain.js';

/**
 * Adds an ad, its site and its indicators. A link to the ad's own site ("book at velvet-nights.test")
 * says nothing about who wrote the ad, so edges to the site's own domain are weak: otherwise every
 * ad on a site would fall into one cluster.
 */
export function addAd(graph: LinkGraph, ad: GraphAd, options: { commonDomains: ReadonlySet<string> }): void {
  const adNode = addNode(graph, {
    id: nodeIdOf('ad', ad.adId),
    kind: 'ad',
    value: ad.adId,
    label: ad.title,
    ad: { url: ad.url, title: ad.title, site: ad.site, firstSeen: ad.firstSeen, lastSeen: ad.lastSeen },
  });
  const fromAd = { from: 'ad', adId: ad.adId } as const;
  const siteHost = ad.site.trim().toLowerCase();
  const siteDomain = registrableDomainOf(siteHost) ?? registrableDomainOf(ad.url);
  if (siteHost !== '') {
    const siteNode = addNode(graph, { id: nodeIdOf('site', siteHost), kind: 'site', value: siteHost, label: siteHost });
    addEdge(graph, { source: adNode, target: siteNode, kind: 'posted-on', strength: 'weak', provenance: fromAd });
    if (siteDomain !== null) {
      const domainNode = addNode(graph, domainNodeOf(siteDomain));
      addEdge(graph, { source: siteNode, target: domainNode, kind: 'site-domain', strength: 'weak', provenance: { from: 'derived', rule: 'site-domain' } });
    }
  }
  const strengthOfDomain = (domain: string | null): EdgeStrength =>
    domain === null || domain === siteDomain || options.commonDomains.has(domain) ? 'weak' : 'strong';

  for (const indicator of ad.indicators) {
    const node = indicatorNode(indicator);
    if (node === null) {
      graph.skipped.push({ adId: ad.adId, reason: `${indicator.type} indicator without its ${indicator.type === 'handle' ? 'platform' : 'chain'}` });
      continue;
    }
    addNode(graph, node);
    const domain = indicator.type === 'url' || indicator.type === 'domain' ? registrableDomainOf(indicator.value) : null;
    const strength = indicator.type === 'url' || indicator.type === 'domain' ? strengthOfDomain(domain) : 'strong';
    addEdge(graph, { source: adNode, target: node.id, kind: 'contains', strength, provenance: fromAd });
    if (indicator.type === 'url' && domain !== null) {
      const domainNode = addNode(graph, domainNodeOf(domain));
      addEdge(graph, { source: adNode, target: domainNode, kind: 'links-to', strength: strengthOfDomain(domain), provenance: fromAd });
    }
    if (indicator.type === 'email') addEmailDomain(graph, node.id, node.value);
  }
}

/**
 * email → its domain, weak: most addresses are at a mail provider shared by strangers. The edge
 * hangs off the email rather than the ad, so a registrant's email reaches its domain too.
 */
export function addEmailDomain(graph: LinkGraph, emailNodeId: string, email: string): void {
  const at = email.lastIndexOf('@');
  const domain = at < 0 ? null : registrableDomainOf(email.slice(at + 1));
  if (domain === null) return;
  const domainNode = addNode(graph, domainNodeOf(domain));
  addEdge(graph, { source: emailNodeId, target: domainNode, kind: 'email-domain', strength: 'weak', provenance: { from: 'derived', rule: 'email-domain' } });
}

export function domainNodeOf(domain: string): GraphNode {
  const value = domain.toLowerCase();
  return { id: nodeIdOf('domain', value), kind: 'domain', value, label: value };
}

/** The node an ad's indicator becomes; null for a handle without a platform or crypto without a chain. */
function indicatorNode(indicator: GraphAdIndicator): GraphNode | null {
  switch (indicator.type) {
    case 'handle':
      if (indicator.platform === undefined) return null;
      return { id: nodeIdOf('handle', indicator.value, indicator.platform), kind: 'handle', value: indicator.value, label: `${indicator.platform}:${indicator.value}`, platform: indicator.platform };
    case 'crypto':
      if (indicator.chain === undefined) return null;
      return { id: nodeIdOf('crypto', indicator.value, indicator.chain), kind: 'crypto', value: indicator.value, label: indicator.value, chain: indicator.chain };
    case 'domain': {
      const value = registrableDomainOf(indicator.value) ?? indicator.value.toLowerCase();
      return domainNodeOf(value);
    }
    case 'email': {
      const value = indicator.value.toLowerCase();
      return { id: nodeIdOf('email', value), kind: 'email', value, label: value };
    }
    case 'phone':
    case 'url':
      return { id: nodeIdOf(indicator.type, indicator.value), kind: indicator.type, value: indicator.value, label: indicator.value };
  }
}

export function commonDomainSet(options: BuildGraphOptions): ReadonlySet<string> {
  return new Set([...(options.commonDomains ?? [])].map((domain) => domain.toLowerCase()));
}
