import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { after, describe, it } from 'node:test';
import { RetryableError } from '@indicia/core';
import { recordedChainOf } from './recorded-chain.js';
import { WhoisClient, type WhoisClientOptions } from './whois-client.js';
import { WhoisNoServerError, WhoisRateLimitedError, WhoisUnavailableError } from './whois-errors.js';
import { loadBundledWhoisServerMap, type WhoisServerMap } from './whois-server-map.js';

/** What a test server does with one query: answer and close, or take over the socket (return nothing). */
type Responder = (query: string, socket: Socket) => string | Buffer | undefined;

interface TestWhoisServer {
  address: string;
  queries: string[];
}

const servers: Server[] = [];

/** A port-43-style server on 127.0.0.1: reads one CRLF-terminated query, answers, closes. */
async function startWhoisServer(respond: Responder): Promise<TestWhoisServer> {
  const queries: string[] = [];
  const server = createServer((socket) => {
    let received = '';
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n');
      if (end === -1) return;
      const query = received.slice(0, end);
      queries.push(query);
      const answer = respond(query, socket);
      if (answer !== undefined) socket.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { address: `127.0.0.1:${(server.address() as AddressInfo).port}`, queries };
}

after(async () => {
  for (const server of servers) {
    server.close();
    // Sockets held open by the slow and endless servers end with the test.
  }
});

const thinRegistryAnswer = (domain: string, registrarServer: string): string =>
  [`   Domain Name: ${domain.toUpperCase()}`, '   Registry Domain ID: 1234_DOMAIN_TEST-VRSN', `   Registrar WHOIS Server: ${registrarServer}`, '   Registrar: Example Registrar, Inc.', '   Name Server: NS1.EXAMPLE-DNS.NET', ''].join('\r\n');

const registrarAnswer = (domain: string): string =>
  [`Domain Name: ${domain}`, 'Registrar WHOIS Server: whois.registrar.test', 'Registrant Name: Jane Roe', 'Registrant Email: jane.roe@example.net', 'Registrant Phone: +1.7025550142', ''].join('\r\n');

const fast: WhoisClientOptions = { minIntervalMs: 0, rateLimitBackoffMs: 10, timeoutMs: 5000 };

describe('WhoisClient against local port-43 servers', () => {
  it("follows a thin registry's referral and returns the registrar's answer with the chain", async () => {
    const registry = await startWhoisServer((query) => thinRegistryAnswer(query, 'whois.registrar.test'));
    const registrar = await startWhoisServer((query) => registrarAnswer(query));
    const client = new WhoisClient({ ...fast, servers: { '*': 'whois.nic.test' }, connect: { 'whois.nic.test': registry.address, 'whois.registrar.test': registrar.address } });
    const lookup = await client.lookup('Example-Shop.test');
    assert.deepEqual(lookup.chain, ['whois.nic.test', 'whois.registrar.test']);
    assert.equal(lookup.server, 'whois.registrar.test');
    assert.match(lookup.raw, /Registrant Email: jane\.roe@example\.net/);
    assert.equal(lookup.rawSha256, createHash('sha256').update(registrarAnswer('example-shop.test')).digest('hex'));
    assert.equal(lookup.answers[0]!.server, 'whois.nic.test');
    assert.match(lookup.answers[0]!.raw, /Registrar WHOIS Server: whois\.registrar\.test/);
    assert.equal(lookup.referralError, null);
    assert.equal(lookup.truncated, false);
    assert.deepEqual(registry.queries, ['example-shop.test']);
    assert.deepEqual(registrar.queries, ['example-shop.test'], 'the registrar naming itself is not asked twice');

    // The snapshot keeps the registry's answer too: what each server said, in order.
    const { chain } = recordedChainOf(lookup);
    assert.equal(chain?.length, 1);
    assert.equal(chain![0]!.server, 'whois.nic.test');
    assert.equal(chain![0]!.raw, thinRegistryAnswer('example-shop.test', 'whois.registrar.test'));
    assert.equal(chain![0]!.rawSha256, createHash('sha256').update(thinRegistryAnswer('example-shop.test', 'whois.registrar.test')).digest('hex'));
    assert.ok(Date.parse(chain![0]!.queriedAt) <= Date.parse(lookup.queriedAt), 'the registry answered before the registrar');
  });

  it("does not follow a thick registry's referral: the registrant is in its answer", async () => {
    const registrar = await startWhoisServer((query) => registrarAnswer(query));
    const thick = await startWhoisServer((query) => `${thinRegistryAnswer(query, 'whois.registrar.test')}Registrant Email: jane.roe@example.net\r\n`);
    const client = new WhoisClient({ ...fast, servers: { '*': 'whois.nic.test' }, connect: { 'whois.nic.test': thick.address, 'whois.registrar.test': registrar.address } });
    const lookup = await client.lookup('thick.test');
    assert.deepEqual(lookup.chain, ['whois.nic.test']);
    assert.equal(registrar.queries.length, 0);
    assert.deepEqual(recordedChainOf(lookup), {}, 'one answer: nothing before the final one');
  });

  it("keeps the registry's answer and says why when the registrar cannot be reached", async () => {
    const registry = await startWhoisServer((query) => thinRegistryAnswer(query, 'whois.gone.test'));
    const closed = await startWhoisServer(() => '');
    servers.at(-1)!.close();
    const client = new WhoisClient({ ...fast, servers: { test: 'whois.nic.test' }, connect: { 'whois.nic.test': registry.address, 'whois.gone.test': closed.address } });
    const lookup = await client.lookup('example-shop.test');
    assert.deepEqual(lookup.chain, ['whois.nic.test']);
    assert.match(lookup.referralError ?? '', /WhoisUnavailableError: WHOIS server whois\.gone\.test could not be reached \(ECONNREFUSED\)/);
  });

  it('stops a referral loop and bounds a referral chain', async () => {
    let ports: Record<string, string> = {};
    const refer = (to: string) => (query: string) => `Domain Name: ${query}\r\nWhois Server: ${to}\r\n`;
    const a = await startWhoisServer(refer('whois.b.test'));
    const b = await startWhoisServer(refer('whois.a.test'));
    ports = { 'whois.a.test': a.address, 'whois.b.test': b.address };
    const loop = await new WhoisClient({ ...fast, servers: { '*': 'whois.a.test' }, connect: ports, maxReferrals: 5 }).lookup('loop.test');
    assert.deepEqual(loop.chain, ['whois.a.test', 'whois.b.test']);
    assert.equal(a.queries.length, 1);

    const c = await startWhoisServer(refer('whois.d.test'));
    const d = await startWhoisServer(refer('whois.e.test'));
    const e = await startWhoisServer(refer('whois.f.test'));
    const chain = await new WhoisClient({ ...fast, servers: { '*': 'whois.c.test' }, connect: { 'whois.c.test': c.address, 'whois.d.test': d.address, 'whois.e.test': e.address }, maxReferrals: 2 }).lookup('long.test');
    assert.deepEqual(chain.chain, ['whois.c.test', 'whois.d.test', 'whois.e.test']);
  });

  it('asks whois.iana.org for a TLD the map does not know, once per TLD, and fails clearly when IANA names none', async () => {
    const iana = await startWhoisServer((query) => (query === 'example' ? '% IANA WHOIS server\r\ndomain:       EXAMPLE\r\nrefer:        whois.nic.example\r\n' : `% IANA WHOIS server\r\ndomain:       ${query.toUpperCase()}\r\n`));
    const registry = await startWhoisServer((query) => `Domain Name: ${query}\r\n`);
    const serverMap: WhoisServerMap = { iana: 'whois.iana.org', tlds: new Map(), servers: new Map() };
    const client = new WhoisClient({ ...fast, serverMap, connect: { 'whois.iana.org': iana.address, 'whois.nic.example': registry.address } });
    const first = await client.lookup('one.example');
    await client.lookup('two.example');
    assert.deepEqual(first.chain, ['whois.nic.example']);
    assert.deepEqual(iana.queries, ['example']);
    assert.deepEqual(registry.queries, ['one.example', 'two.example']);
    await assert.rejects(client.lookup('a.invalid'), (error: unknown) => error instanceof WhoisNoServerError && /no WHOIS server for \.invalid/.test(error.message));
  });

  it('uses the bundled map and its per-server query formats, reaching a server only through a connect override', async () => {
    const registry = await startWhoisServer((query) => `answer to ${query}\r\n`);
    const connect = { 'whois.verisign-grs.com': registry.address, 'whois.denic.de': registry.address, 'whois.jprs.jp': registry.address, 'whois.nic.fr': registry.address, 'whois.ja.net': registry.address };
    const client = new WhoisClient({ ...fast, connect });
    assert.deepEqual((await client.lookup('example.com')).chain, ['whois.verisign-grs.com']);
    await client.lookup('example.de');
    await client.lookup('example.jp');
    await client.lookup('example.fr');
    assert.equal(await client.serverFor('example.ac.uk'), 'whois.ja.net', 'the longest suffix wins');
    assert.equal(await client.serverFor('example.co.uk'), 'whois.nic.uk');
    assert.deepEqual(registry.queries, ['domain example.com', '-T dn example.de', 'example.jp/e', 'example.fr']);
    const map = await loadBundledWhoisServerMap();
    assert.equal(map.tlds.get('co.za'), 'coza-whois.registry.net.za');
  });

  it('times out a server that accepts and never answers', async () => {
    const slow = await startWhoisServer(() => undefined);
    const client = new WhoisClient({ ...fast, timeoutMs: 300, servers: { '*': `whois.slow.test` }, connect: { 'whois.slow.test': slow.address } });
    await assert.rejects(client.lookup('slow.test'), (error: unknown) => error instanceof WhoisUnavailableError && error instanceof RetryableError && /did not finish its answer within 300 ms/.test(error.message) && error.server === 'whois.slow.test');
  });

  it('cuts an endless answer at the size cap and flags it', async () => {
    const endless = await startWhoisServer((_query, socket) => {
      const line = Buffer.from('Registrant Name: the same line again and again\r\n');
      const pump = (): void => {
        while (!socket.destroyed && socket.write(line));
        if (!socket.destroyed) socket.once('drain', pump);
      };
      pump();
      return undefined;
    });
    const client = new WhoisClient({ ...fast, maxResponseBytes: 64 * 1024, servers: { '*': 'whois.endless.test' }, connect: { 'whois.endless.test': endless.address } });
    const lookup = await client.lookup('endless.test');
    assert.equal(lookup.truncated, true);
    assert.equal(Buffer.byteLength(lookup.raw), 64 * 1024);
  });

  it('backs off and asks again after a rate-limit answer', async () => {
    let count = 0;
    const limited = await startWhoisServer((query) => (++count === 1 ? 'WHOIS LIMIT EXCEEDED - SEE WWW.PIR.ORG/WHOIS FOR DETAILS\r\n' : `Domain Name: ${query}\r\n`));
    const client = new WhoisClient({ ...fast, servers: { '*': 'whois.busy.test' }, connect: { 'whois.busy.test': limited.address } });
    const lookup = await client.lookup('busy.test');
    assert.equal(lookup.raw, 'Domain Name: busy.test\r\n');
    assert.equal(limited.queries.length, 2);
  });

  it('gives a retryable error naming the server when the limit holds or asks for too long a wait', async () => {
    const always = await startWhoisServer(() => 'Query rate limit exceeded. Please slow down.\r\n');
    const client = new WhoisClient({ ...fast, servers: { '*': 'whois.busy.test' }, connect: { 'whois.busy.test': always.address }, rateLimitRetries: 2 });
    await assert.rejects(client.lookup('busy.test'), (error: unknown) => error instanceof WhoisRateLimitedError && error instanceof RetryableError && error.server === 'whois.busy.test');
    assert.equal(always.queries.length, 3);

    const goAway = await startWhoisServer(() => 'Please go away for 13 Seconds\r\n');
    const patient = new WhoisClient({ ...fast, maxRateLimitWaitMs: 1000, servers: { '*': 'whois.za.test' }, connect: { 'whois.za.test': goAway.address } });
    await assert.rejects(patient.lookup('busy.test'), (error: unknown) => error instanceof WhoisRateLimitedError && error.retryAfterMs === 13_000);
    assert.equal(goAway.queries.length, 1, 'a 13 s wait is over the 1 s budget: no second query');
  });

  it('reads Latin-1 answers by the server map, else as windows-1252, and ISO-2022-JP by its escapes', async () => {
    const latin1 = await startWhoisServer(() => Buffer.from('Titulaire: Société Générale, Montréal\r\n', 'latin1'));
    const euro = await startWhoisServer(() => Buffer.from([0x50, 0x72, 0x69, 0x63, 0x65, 0x3a, 0x20, 0x80, 0x35, 0x0d, 0x0a]));
    // "[登録者名] 日本 太郎 / [Name] Taro Nihon" as JPRS sends it (Python's iso2022_jp codec).
    const jprsBytes = Buffer.from(
      '5b1b244245504f3f3c544c3e1b28425d20202020202020202020202020202020201b2442467c4b5c1b2842201b244242404f3a1b28420d0a5b4e616d655d20202020202020202020202020202020202020202020202020205461726f204e69686f6e0d0a',
      'hex',
    );
    const jprs = await startWhoisServer(() => jprsBytes);
    const serverMap: WhoisServerMap = {
      iana: 'whois.iana.org',
      tlds: new Map([
        ['fr', 'whois.latin1.test'],
        ['euro', 'whois.plain.test'],
        ['jp', 'whois.jprs.test'],
      ]),
      servers: new Map([
        ['whois.latin1.test', { query: '{domain}', encoding: 'iso-8859-1' }],
        ['whois.jprs.test', { query: '{domain}/e', encoding: 'iso-2022-jp' }],
      ]),
    };
    const client = new WhoisClient({ ...fast, serverMap, connect: { 'whois.latin1.test': latin1.address, 'whois.plain.test': euro.address, 'whois.jprs.test': jprs.address } });
    const french = await client.lookup('example.fr');
    assert.equal(french.raw, 'Titulaire: Société Générale, Montréal\r\n');
    assert.equal(french.rawSha256, createHash('sha256').update(Buffer.from(french.raw, 'latin1')).digest('hex'), 'the hash is of the bytes received');
    assert.equal((await client.lookup('example.euro')).raw, 'Price: €5\r\n');
    const japanese = await client.lookup('example.jp');
    assert.equal(japanese.encoding, 'iso-2022-jp');
    assert.match(japanese.raw, /^\[登録者名\] +日本 太郎\r\n\[Name\] +Taro Nihon\r\n$/);
    assert.deepEqual(jprs.queries, ['example.jp/e']);
  });
});
