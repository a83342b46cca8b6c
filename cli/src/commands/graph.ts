import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '@indicia/core';
import { clusterMembership, clusters, graphToGexf, graphToGraphml, graphToJson, neighbourhood, nodeKinds, type NodeKind } from '@indicia/pivot';
import { integerFlag } from '../integer-flag.js';
import { loadLinkGraphAt, seedNodeIds } from '../link-graph-source.js';

interface GraphFlags {
  seed: string;
  depth: number;
  format: string;
  output?: string;
  maxNodes: number;
  country?: string;
  data?: string;
  es?: string;
}

interface ClustersFlags {
  limit: number;
  json?: boolean;
  mergeWeak?: string;
  data?: string;
  es?: string;
}

const formats = ['json', 'graphml', 'gexf'] as const;

export function registerGraphCommands(program: Command): void {
  program
    .command('graph')
    .description('The link graph around an indicator: ads, contacts, domains, registrants, IPs and nameservers, with provenance')
    .requiredOption('--seed <kind:value>', 'where to start: phone:..., email:..., handle:platform:name, domain:..., ad:ID')
    .option('--depth <n>', 'links to follow from the seed', integerFlag({ min: 0 }), 2)
    .option('--format <format>', 'json, graphml (yEd, Cytoscape) or gexf (Gephi)', 'json')
    .option('--output <file>', 'write to this file instead of stdout')
    .option('--max-nodes <n>', 'stop growing the graph at this many nodes (strong links are kept first)', integerFlag({ min: 1 }), 500)
    .option('--country <cc>', 'country for a national-format phone seed')
    .option('--data <dir>', 'data directory (default ./indicia-data, env INDICIA_DATA)')
    .option('--es <url>', 'the distributed index in this Elasticsearch (env INDICIA_ES)')
    .addHelpText(
      'after',
      `
Nodes: ads, sites, phones, emails, handles, crypto wallets, URLs, domains, registrant names and
organisations, registrars, nameservers, IPs, mail servers. Edges carry their provenance (the ad an
indicator was read in; the WHOIS/RDAP or DNS snapshots, with the time range, for a domain's links)
and a strength: strong links (same phone, email, handle, registrant email) define clusters; weak
ones (shared IP, nameserver, registrar, site) are shown but do not merge them. Each node carries
its cluster.

Examples:
  $ indicia graph --seed "phone:(702) 555-0134" --depth 2
  $ indicia graph --seed email:anna@example.com --format gexf --output anna.gexf
  $ indicia graph --seed domain:lena10vip.example --format graphml > lena.graphml`,
    )
    .action(async (flags: GraphFlags) => {
      if (!(formats as readonly string[]).includes(flags.format)) throw new UsageError(`unknown graph format "${flags.format}": use ${formats.join(', ')}`);
      const seeds = seedNodeIds(flags.seed, flags.country?.toUpperCase());
      const graph = await loadLinkGraphAt(flags);
      const seed = seeds.find((id) => graph.nodes.has(id));
      if (seed === undefined) throw new UsageError(`${flags.seed} is not in the graph (${graph.nodes.size} nodes): no ad or registration holds it`);
      const around = neighbourhood(graph, seed, flags.depth, { nodeCap: flags.maxNodes });
      const membership = clusterMembership(graph);
      const clusterOf = membership;
      const text =
        flags.format === 'json' ? `${JSON.stringify(graphToJson(around.graph, { clusterOf }), null, 2)}\n` : flags.format === 'graphml' ? graphToGraphml(around.graph, { clusterOf }) : graphToGexf(around.graph, { clusterOf });
      if (flags.output) writeFileSync(flags.output, text);
      else process.stdout.write(text);
      process.stderr.write(
        `graph around ${seed}: ${around.graph.nodes.size} nodes, ${around.graph.edges.size} edges within ${flags.depth} links${around.truncated ? ` (cut at --max-nodes ${flags.maxNodes})` : ''}${flags.output ? ` → ${flags.output}` : ''}\n`,
      );
    });

  program
    .command('clusters')
    .description('Groups of ads tied together by strong identifiers (phones, emails, handles, registrant emails), largest first')
    .option('--limit <n>', 'clusters to list', integerFlag({ min: 1 }), 20)
    .option('--json', 'one JSON object per cluster: {id, ads, indicators, sites, domains, firstSeen, lastSeen}')
    .option('--merge-weak <kinds>', `also merge across these weak links (comma-separated: ${['site', 'ip', 'nameserver', 'registrar', 'registrant-name', 'registrant-org', 'mail-server'].join(', ')})`)
    .option('--data <dir>', 'data directory (default ./indicia-data, env INDICIA_DATA)')
    .option('--es <url>', 'the distributed index in this Elasticsearch (env INDICIA_ES)')
    .addHelpText(
      'after',
      `
A cluster is a connected component of the link graph over strong links: ads sharing a phone, email,
handle or wallet, and domains whose WHOIS records hold one of them. Shared hosting, nameservers,
registrars and sites are weak links: they do not merge clusters unless --merge-weak says so.

Examples:
  $ indicia clusters --limit 10
  $ indicia clusters --json > clusters.jsonl
  $ indicia clusters --merge-weak ip`,
    )
    .action(async (flags: ClustersFlags) => {
      const mergeWeak = (flags.mergeWeak ?? '').split(',').map((kind) => kind.trim()).filter(Boolean);
      for (const kind of mergeWeak) if (!(nodeKinds as readonly string[]).includes(kind)) throw new UsageError(`--merge-weak: unknown node kind "${kind}"`);
      const graph = await loadLinkGraphAt(flags);
      const found = clusters(graph, { mergeWeak: mergeWeak as NodeKind[] });
      const shown = found.slice(0, flags.limit);
      if (flags.json) {
        for (const cluster of shown) process.stdout.write(`${JSON.stringify(cluster)}\n`);
        return;
      }
      process.stdout.write(`${found.length} clusters (${found.filter((c) => c.ads.length > 1).length} with more than one ad); the ${shown.length} largest:\n`);
      for (const cluster of shown) {
        const kinds = new Map<string, number>();
        for (const indicator of cluster.indicators) kinds.set(indicator.type, (kinds.get(indicator.type) ?? 0) + 1);
        const summary = [...kinds].map(([type, n]) => `${n} ${type}${n === 1 ? '' : 's'}`).join(', ');
        process.stdout.write(`  ${cluster.id}  ${String(cluster.ads.length).padStart(4)} ads · ${summary || 'no indicators'} · sites ${cluster.sites.join(', ') || '-'}${cluster.domains.length > 0 ? ` · domains ${cluster.domains.slice(0, 4).join(', ')}${cluster.domains.length > 4 ? ', …' : ''}` : ''} · ${cluster.firstSeen?.slice(0, 10) ?? '-'} → ${cluster.lastSeen?.slice(0, 10) ?? '-'}\n`);
      }
      process.stdout.write(`  (indicia clusters --json lists each cluster's ads and indicators; indicia graph --seed <indicator> draws one)\n`);
    });
}
