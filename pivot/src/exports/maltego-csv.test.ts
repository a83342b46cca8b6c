import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildLinkGraph } from '../graph/build-graph.js';
import { fixtureAds, fixtureDns, fixtureRegistrations } from '../test-support/graph-fixture-data.js';
import { csvCell } from '@indicia/core';
import { maltegoEntityColumns, maltegoLinkColumns, maltegoTables } from './maltego-csv.js';

/** A small RFC 4180 reader: quoted cells, doubled quotes, CRLF rows. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\r\n').filter((row) => row !== '')) {
    const cells = [...line.matchAll(/"((?:[^"]|"")*)"(?:,|$)/g)].map((match) => match[1]!.replace(/""/g, '"'));
    rows.push(cells);
  }
  return rows;
}

const hostile = { ...fixtureAds[0]!, adId: 'h1', url: 'https://velvet-nights.test/ad/h1', indicators: [{ type: 'handle' as const, value: '=HYPERLINK("http://evil.example")', platform: 'telegram' as const }, { type: 'email' as const, value: '@sum(a1)@x.example' }] };
const graph = buildLinkGraph({ ads: [...fixtureAds, hostile], registrations: fixtureRegistrations, dns: fixtureDns });
const tables = maltegoTables(graph);

test('the entities table has type and value columns with Maltego standard entity types', () => {
  const [header, ...rows] = readCsv(tables.entities);
  assert.deepEqual(header, [...maltegoEntityColumns]);
  assert.equal(rows.length, graph.nodes.size);
  const typeOf = new Map(rows.map((row) => [row[2], row[0]]));
  assert.equal(typeOf.get('phone:+17025550134'), 'maltego.PhoneNumber');
  assert.equal(typeOf.get('email:boss@ops.example'), 'maltego.EmailAddress');
  assert.equal(typeOf.get('domain:lena10vip.example'), 'maltego.Domain');
  assert.equal(typeOf.get('registrant-name:ivan example'), 'maltego.Person');
  assert.equal(typeOf.get('registrant-org:sofia <holdings> "ltd"'), 'maltego.Organization');
  assert.equal(typeOf.get('ip:192.0.2.10'), 'maltego.IPv4Address');
  assert.equal(typeOf.get('nameserver:ns1.hosting.example'), 'maltego.NSRecord');
  assert.equal(typeOf.get('url:https://lena10vip.example/book'), 'maltego.URL');
  assert.equal(typeOf.get('handle:telegram:lena_10'), 'maltego.Alias');
  for (const row of rows) assert.equal(row.length, maltegoEntityColumns.length);
});

test('the links table names both ends and the link label; per-type tables hold the same links', () => {
  const [header, ...rows] = readCsv(tables.links);
  assert.deepEqual(header, [...maltegoLinkColumns]);
  assert.equal(rows.length, graph.edges.size);
  assert.ok(rows.some((row) => row.join('|') === "maltego.Domain|b-site.example|maltego.PhoneNumber|+13125550100|registrant"), 'an E.164 phone is imported as itself');
  const perType = tables.linkTables.reduce((sum, table) => sum + readCsv(table.csv).length - 1, 0);
  assert.equal(perType, graph.edges.size);
  const domainToPhone = tables.linkTables.find((table) => table.name === 'maltego.Domain--maltego.PhoneNumber.csv')!;
  assert.deepEqual(readCsv(domainToPhone.csv)[0], ['maltego.Domain', 'maltego.PhoneNumber', 'Link Label']);
});

test('cells starting with = + - @ are neutralised', () => {
  assert.equal(csvCell('=1+1'), `"'=1+1"`);
  assert.equal(csvCell('+1+1'), `"'+1+1"`);
  assert.equal(csvCell('-2'), `"'-2"`);
  assert.equal(csvCell('@x'), `"'@x"`);
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  for (const text of [tables.entities, tables.links, ...tables.linkTables.map((table) => table.csv)]) {
    for (const cell of readCsv(text).flat()) if (!/^\+\d{6,15}$/.test(cell)) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, cell);
  }
  assert.ok(readCsv(tables.entities).some((row) => row[1] === "'@sum(a1)@x.example"));
});
