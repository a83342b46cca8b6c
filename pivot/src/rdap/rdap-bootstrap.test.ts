import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { bootstrapSuffixes, findRdapService, parseRdapBootstrap, rdapBootstrapFromMap } from './rdap-bootstrap.js';
import { bundledRdapBootstrapPath, cachedRdapBootstrapName, loadBundledRdapBootstrap, loadCachedRdapBootstrap, loadRdapBootstrapFile, loadRdapBootstrapInUse, refreshBootstrap } from './rdap-bootstrap-files.js';
import { RdapBootstrapError } from './rdap-errors.js';
import { lookupDomainName } from '../lookup-domain-name.js';

/** ../shared/corpora/rdap beside the repository (from pivot/dist/rdap/). */
const corpus = process.env.INDICIA_RDAP_CORPUS ?? fileURLToPath(new URL('../../../../shared/corpora/rdap', import.meta.url));
const corpusText = (path: string): Promise<string> => readFile(join(corpus, path), 'utf8');

describe('RDAP bootstrap (RFC 9224)', () => {
  it("reads IANA's dns.json from the corpus and routes its TLDs, adding the missing trailing slash", async () => {
    const bootstrap = parseRdapBootstrap(await corpusText('bootstrap/dns.json'), 'dns.json');
    assert.equal(bootstrap.publication, '2017-03-15T21:26:24Z');
    assert.equal(findRdapService([bootstrap], 'example.cz')?.baseUrl, 'https://rdap.nic.cz/');
    assert.equal(findRdapService([bootstrap], 'example.com.br')?.baseUrl, 'https://rdap.registro.br/');
    assert.equal(findRdapService([bootstrap], 'example.de'), null);
  });

  it('matches the longest suffix, falls back to the "" entry, and prefers https', async () => {
    const bootstrap = parseRdapBootstrap(await corpusText('bootstrap_complex/dns.json'), 'complex');
    assert.deepEqual(findRdapService([bootstrap], 'a.sub.example.com'), {
      entry: 'sub.example.com',
      baseUrl: 'https://example.com/sub/',
      baseUrls: ['https://example.com/sub/', 'http://example.com/sub/'],
    });
    assert.equal(findRdapService([bootstrap], 'other.com')?.entry, 'com');
    assert.equal(findRdapService([bootstrap], 'example.org')?.baseUrl, 'https://example.root/');
  });

  it('compares case-insensitively and routes IDN names by their punycode form', () => {
    const bootstrap = parseRdapBootstrap(JSON.stringify({ version: '1.0', services: [[['CO.UK'], ['https://a.test/']], [['uk'], ['https://b.test/']], [['рф'], ['https://rf.test/']]] }), 'inline');
    assert.equal(findRdapService([bootstrap], lookupDomainName('Example.Co.UK'))?.baseUrl, 'https://a.test/');
    assert.equal(findRdapService([bootstrap], lookupDomainName('example.org.uk'))?.baseUrl, 'https://b.test/');
    assert.equal(lookupDomainName('пример.рф'), 'xn--e1afmkfd.xn--p1ai');
    assert.equal(findRdapService([bootstrap], lookupDomainName('пример.РФ'))?.baseUrl, 'https://rf.test/');
  });

  for (const file of ['bootstrap_malformed/dns_bad_services.json', 'bootstrap_malformed/dns_bad_url.json', 'bootstrap_malformed/dns_empty.json', 'bootstrap_malformed/dns_syntax_error.json', 'bootstrap_http_error/404.html']) {
    it(`refuses ${file} with an RdapBootstrapError`, async () => {
      const text = await corpusText(file);
      assert.throws(() => parseRdapBootstrap(text, file), (error: unknown) => error instanceof RdapBootstrapError && error.message.includes(file));
    });
  }

  it('says why: an HTML page, bad percent-encoding, an empty service', async () => {
    assert.throws(() => parseRdapBootstrap('<html></html>', 'x'), /an HTML page, not JSON/);
    assert.throws(() => parseRdapBootstrap(JSON.stringify({ version: '1.0', services: [[['a'], ['http://example.org/%%']]] }), 'x'), /bad percent-encoding/);
    assert.throws(() => parseRdapBootstrap(JSON.stringify({ version: '1.0', services: [[]] }), 'x'), /services\[0\] must be \[entries, urls\]/);
    assert.throws(() => parseRdapBootstrap(JSON.stringify({ version: '2.0', services: [[['a'], ['https://a.test/']]] }), 'x'), /version/);
  });

  it('lets an override map answer first, "*" for every domain', async () => {
    const bundled = await loadBundledRdapBootstrap();
    const overrides = rdapBootstrapFromMap({ test: 'http://127.0.0.1:9/', '*': 'http://127.0.0.1:8/rdap' });
    assert.equal(findRdapService([overrides, bundled], 'velvet-nights.test')?.baseUrl, 'http://127.0.0.1:9/');
    assert.equal(findRdapService([overrides, bundled], 'example.cz')?.baseUrl, 'http://127.0.0.1:8/rdap/');
    assert.equal(findRdapService([bundled], 'example.cz')?.baseUrl, 'https://rdap.nic.cz/');
    assert.throws(() => rdapBootstrapFromMap({ test: 'ftp://a.test/' }), RdapBootstrapError);
  });

  it('ships a bundled snapshot that covers .com and the corpus TLDs', async () => {
    const bundled = await loadBundledRdapBootstrap();
    assert.equal(findRdapService([bundled], 'example.com')?.baseUrl, 'https://rdap.verisign.com/com/v1/');
    for (const tld of ['ar', 'cz', 'br']) assert.notEqual(findRdapService([bundled], `example.${tld}`), null);
  });

  it('reads a bootstrap file given by path, and refuses an unreadable one', async () => {
    const bootstrap = await loadRdapBootstrapFile(join(corpus, 'bootstrap/dns.json'));
    assert.equal(findRdapService([bootstrap], 'example.ar')?.baseUrl, 'https://rdap.nic.ar/');
    await assert.rejects(loadRdapBootstrapFile(join(corpus, 'no-such-file.json')), RdapBootstrapError);
  });
});

describe('refreshBootstrap', () => {
  let server: Server;
  let base: string;
  let cacheDir: string;
  const pages = new Map<string, { status: number; body: string }>();

  before(async () => {
    pages.set('/dns.json', { status: 200, body: await corpusText('bootstrap_complex/dns.json') });
    pages.set('/missing.json', { status: 404, body: await corpusText('bootstrap_http_error/404.html') });
    pages.set('/html-200.json', { status: 200, body: await corpusText('bootstrap_http_error/404.html') });
    pages.set('/bad-url.json', { status: 200, body: await corpusText('bootstrap_malformed/dns_bad_url.json') });
    server = createServer((request, response) => {
      const page = pages.get(request.url ?? '') ?? { status: 404, body: '' };
      response.writeHead(page.status, { 'content-type': 'application/json' }).end(page.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    cacheDir = await mkdtemp(join(tmpdir(), 'rdap-bootstrap-'));
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('validates the download and only then replaces the cached copy', async () => {
    assert.equal(await loadCachedRdapBootstrap(cacheDir), null);
    const fresh = await refreshBootstrap(`${base}/dns.json`, { cacheDir });
    assert.equal(findRdapService([fresh], 'x.sub.example.com')?.entry, 'sub.example.com');
    const cached = await loadCachedRdapBootstrap(cacheDir);
    assert.equal(findRdapService([cached!], 'x.sub.example.com')?.entry, 'sub.example.com');

    await assert.rejects(refreshBootstrap(`${base}/missing.json`, { cacheDir }), (error: unknown) => error instanceof RdapBootstrapError && /HTTP 404/.test(error.message));
    await assert.rejects(refreshBootstrap(`${base}/html-200.json`, { cacheDir }), /an HTML page/);
    await assert.rejects(refreshBootstrap(`${base}/bad-url.json`, { cacheDir }), RdapBootstrapError);
    const still = await readFile(join(cacheDir, cachedRdapBootstrapName), 'utf8');
    assert.equal(still, pages.get('/dns.json')!.body);
  });

  it('routes with a named file before the refreshed copy, and with that before the bundled snapshot', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'rdap-bootstrap-none-'));
    const bundled = await loadRdapBootstrapInUse({ cacheDir: empty });
    assert.deepEqual([bundled.origin, bundled.path], ['bundled', bundledRdapBootstrapPath]);
    const cached = await loadRdapBootstrapInUse({ cacheDir });
    assert.deepEqual([cached.origin, cached.path, bootstrapSuffixes(cached.bootstrap)], ['cached', join(cacheDir, cachedRdapBootstrapName), ['com', 'sub.example.com']]);
    const named = await loadRdapBootstrapInUse({ cacheDir, bootstrapFile: join(corpus, 'bootstrap/dns.json') });
    assert.equal(named.origin, 'file');
    assert.ok(bootstrapSuffixes(named.bootstrap).includes('cz'));
    await rm(empty, { recursive: true, force: true });
  });

  it('refuses a corrupt cached copy rather than routing with it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rdap-bootstrap-bad-'));
    await writeFile(join(dir, cachedRdapBootstrapName), await corpusText('bootstrap_malformed/dns_syntax_error.json'));
    await assert.rejects(loadCachedRdapBootstrap(dir), RdapBootstrapError);
    await rm(dir, { recursive: true, force: true });
  });
});
