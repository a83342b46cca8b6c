import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildLinkGraph } from '../graph/build-graph.js';
import { fixtureAds, fixtureDns, fixtureRegistrations } from '../test-support/graph-fixture-data.js';
import { elementsNamed, parseStrictXml, type XmlElement } from '../test-support/strict-xml.js';
import { readZipEntries } from '../test-support/zip-reader.js';
import { maltegoGraphFile, maltegoGraphPath, maltegoNamespace } from './maltego-mtgx.js';
import { zipArchive } from './zip-archive.js';

const hostile = { ...fixtureAds[0]!, adId: 'h1', url: 'https://velvet-nights.test/ad/h1?a=1&b=<2>', title: 'Tab\there & "quotes" \u0001', indicators: [{ type: 'handle' as const, value: 'x<y>&z', platform: 'telegram' as const }] };
const graph = buildLinkGraph({ ads: [...fixtureAds, hostile], registrations: fixtureRegistrations, dns: fixtureDns });
const file = maltegoGraphFile(graph);

interface ReadEntity {
  type: string;
  properties: Map<string, string>;
}

function readGraph(): { root: XmlElement; entities: Map<string, ReadEntity>; links: Array<{ source: ReadEntity; target: ReadEntity; properties: Map<string, string> }> } {
  const entries = readZipEntries(file);
  assert.deepEqual([...entries.keys()], [maltegoGraphPath]);
  const root = parseStrictXml(entries.get(maltegoGraphPath)!.toString('utf8'));
  const propertiesOf = (element: XmlElement) => new Map(elementsNamed(element, 'mtg:Property').map((property) => [property.attributes.name!, elementsNamed(property, 'mtg:Value')[0]!.text]));
  const entities = new Map<string, ReadEntity>();
  for (const node of elementsNamed(root, 'node')) {
    const [entity] = elementsNamed(node, 'mtg:MaltegoEntity');
    assert.ok(entity, `node ${node.attributes.id} holds a MaltegoEntity`);
    entities.set(node.attributes.id!, { type: entity.attributes.type!, properties: propertiesOf(entity) });
  }
  const links = elementsNamed(root, 'edge').map((edge) => {
    const [link] = elementsNamed(edge, 'mtg:MaltegoLink');
    assert.equal(link?.attributes.type, 'maltego.link.manual-link');
    const source = entities.get(edge.attributes.source!);
    const target = entities.get(edge.attributes.target!);
    assert.ok(source && target, `edge ${edge.attributes.id} joins two entities of the file`);
    return { source, target, properties: propertiesOf(link!) };
  });
  return { root, entities, links };
}

describe('Maltego .mtgx graph file', () => {
  it('is a zip holding Graphs/Graph1.graphml: GraphML with the Maltego namespace and keys', () => {
    const { root } = readGraph();
    assert.equal(root.name, 'graphml');
    assert.equal(root.attributes['xmlns:mtg'], maltegoNamespace);
    const keys = elementsNamed(root, 'key').map((key) => key.attributes['attr.name'] ?? key.attributes['yfiles.type']);
    assert.deepEqual(keys, ['MaltegoEntity', 'nodegraphics', 'MaltegoLink']);
    assert.equal(elementsNamed(root, 'mtg:EntityRenderer').length, graph.nodes.size, 'every entity has a position');
  });

  it('gives every node a standard entity type with its value in the main property', () => {
    const { entities } = readGraph();
    assert.equal(entities.size, graph.nodes.size);
    const byId = new Map([...entities.values()].map((entity) => [entity.properties.get('indicia.id'), entity]));
    const expect = (id: string, type: string, property: string, value: string) => {
      const entity = byId.get(id);
      assert.equal(entity?.type, type, id);
      assert.equal(entity?.properties.get(property), value, id);
    };
    expect('phone:+17025550134', 'maltego.PhoneNumber', 'phonenumber', '+17025550134');
    expect('email:boss@ops.example', 'maltego.EmailAddress', 'email', 'boss@ops.example');
    expect('domain:lena10vip.example', 'maltego.Domain', 'fqdn', 'lena10vip.example');
    expect('registrant-name:ivan example', 'maltego.Person', 'person.fullname', 'Ivan Example');
    expect('registrant-org:sofia <holdings> "ltd"', 'maltego.Organization', 'title', 'Sofia <Holdings> "Ltd"');
    expect('ip:192.0.2.10', 'maltego.IPv4Address', 'ipv4-address', '192.0.2.10');
    expect('nameserver:ns1.hosting.example', 'maltego.NSRecord', 'fqdn', 'ns1.hosting.example');
    expect('handle:telegram:lena_10', 'maltego.Alias', 'alias', 'telegram:lena_10');
    expect('ad:a1', 'maltego.URL', 'url', 'https://velvet-nights.test/ad/1');
    assert.equal(byId.get('ad:a1')?.properties.get('short-title'), 'Lena, new in town');
  });

  it('keeps markup and quotes in values as written, and drops characters XML forbids', () => {
    const { entities } = readGraph();
    const byId = new Map([...entities.values()].map((entity) => [entity.properties.get('indicia.id'), entity]));
    assert.equal(byId.get('ad:h1')?.properties.get('url'), 'https://velvet-nights.test/ad/h1?a=1&b=<2>');
    assert.equal(byId.get('ad:h1')?.properties.get('short-title'), 'Tab\there & "quotes" ');
    assert.equal(byId.get('handle:telegram:x<y>&z')?.properties.get('alias'), 'telegram:x<y>&z');
  });

  it('writes every edge as a labelled link between the right entities', () => {
    const { links } = readGraph();
    assert.equal(links.length, graph.edges.size);
    const named = links.map((link) => `${link.source.properties.get('indicia.id')} -${link.properties.get('maltego.link.manual.type')}-> ${link.target.properties.get('indicia.id')}`);
    for (const edge of graph.edges.values()) assert.ok(named.includes(`${edge.source} -${edge.kind}-> ${edge.target}`), `${edge.source} ${edge.kind} ${edge.target}`);
    const registrant = links.find((link) => link.source.properties.get('fqdn') === 'b-site.example' && link.target.type === 'maltego.PhoneNumber');
    assert.equal(registrant?.properties.get('maltego.link.manual.type'), 'registrant');
    assert.match(registrant?.properties.get('maltego.link.manual.description') ?? '', /^strong link; (?:rdap|whois|whoisxml) \d{4}-/);
    assert.ok(links.every((link) => ['strong', 'weak'].includes(link.properties.get('indicia.strength') ?? '')));
  });

  it('is the same bytes for the same graph', () => {
    assert.ok(maltegoGraphFile(graph).equals(file));
  });

  it('stores an entry that does not shrink, and unzip accepts the archive', { skip: !existsSync('/usr/bin/unzip') && 'no unzip on this machine' }, () => {
    const archive = zipArchive([{ name: 'tiny.txt', data: Buffer.from('ab') }, { name: maltegoGraphPath, data: readZipEntries(file).get(maltegoGraphPath)! }]);
    assert.equal(archive.readUInt16LE(8), 0, 'two bytes are stored, not deflated');
    assert.equal(readZipEntries(archive).get('tiny.txt')?.toString(), 'ab');
    const directory = mkdtempSync(join(tmpdir(), 'indicia-mtgx-'));
    try {
      writeFileSync(join(directory, 'graph.mtgx'), file);
      const listing = execFileSync('/usr/bin/unzip', ['-t', join(directory, 'graph.mtgx')], { encoding: 'utf8' });
      assert.match(listing, /No errors detected/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
