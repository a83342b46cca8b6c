import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { sha256Hex, type RegistrationContact, type RegistrationRecord } from '@indicia/core';
import { SqliteIndexStore, type RegistrationSnapshot } from '@indicia/indexer';
import { cachedRdapBootstrapName, fakeApiKey, FakeWhoisXml, fakeWhoisXmlData, RdapClient } from '@indicia/pivot';
import { buildProgram } from './main.js';
import { runIndicia, tempDir, type CliResult } from './test-support/run-cli.js';

const rdapCorpus = fileURLToPath(new URL('../../../shared/corpora/rdap/', import.meta.url));
const operatorEmail = 'recruit.velvet@example.com';

function contact(email: string): RegistrationContact {
  return { handle: null, name: 'Dana Vale', organization: null, email, phone: null, fax: null, street: null, city: null, state: null, postalCode: null, country: 'US', redacted: [] };
}

function snapshot(domain: string, observedAt: string, registrant: RegistrationContact): RegistrationSnapshot {
  const record: RegistrationRecord = { domain, registered: true, registrar: null, createdAt: null, updatedAt: null, expiresAt: null, status: [], nameservers: [], registrant, admin: null, tech: null, privacyProxy: null };
  const raw = `Domain Name: ${domain}\nRegistrant Email: ${registrant.email}\n`;
  return { id: `${domain}-${observedAt}`, domain, observedAt, source: 'whois', server: 'whois.registrar.example', record, raw, rawSha256: sha256Hex(raw) };
}

/**
 * The commands as a user runs them: `pivot reverse --provider whoisxml` against a local fake of
 * WhoisXML API (answering, and failing), and `rdap bootstrap` refreshing from a local server that
 * serves the corpus's good and malformed IANA files. Independent commands run side by side.
 */
// The tests wait on child processes, not the CPU: they run side by side.
describe('pivot reverse --provider and rdap bootstrap', { concurrency: true }, () => {
  const dir = tempDir('provider-cli');
  const bootstrapDir = tempDir('rdap-bootstrap');
  let answering: FakeWhoisXml;
  let failing: FakeWhoisXml;
  let files: Server;
  let filesOrigin: string;

  before(async () => {
    // The collected history: one domain the provider also knows, one it does not.
    const store = SqliteIndexStore.open(join(dir.path, 'index.sqlite'));
    await store.registrations.recordRegistrations([
      snapshot('velvet-jobs.example', '2024-03-01T12:00:00.000Z', contact(operatorEmail)),
      snapshot('local-only.example', '2024-02-01T08:00:00.000Z', contact(operatorEmail)),
      snapshot('local-only.example', '2024-04-01T08:00:00.000Z', contact('someone.else@example.org')),
    ]);
    await store.close();
    // Three domains a page, one page allowed: the provider's list of four comes back truncated.
    answering = await FakeWhoisXml.start({ data: fakeWhoisXmlData, reversePageSize: 3 });
    failing = await FakeWhoisXml.start({ data: fakeWhoisXmlData, echoKeyInErrors: true });
    failing.behave({ kind: 'failing', status: 500 });
    const pages: Record<string, string> = {
      '/good/dns.json': readFileSync(join(rdapCorpus, 'bootstrap_complex/dns.json'), 'utf8'),
      '/bad/dns.json': readFileSync(join(rdapCorpus, 'bootstrap_malformed/dns_bad_services.json'), 'utf8'),
    };
    files = createServer((request, response) => {
      const body = pages[request.url ?? ''];
      response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' }).end(body ?? '');
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    filesOrigin = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  });
  after(async () => {
    await Promise.all([answering.close(), failing.close(), new Promise((resolve) => files.close(resolve))]);
    dir.remove();
    bootstrapDir.remove();
  });

  const providerEnv = (fake: FakeWhoisXml): Record<string, string> => ({ INDICIA_WHOISXML_API_KEY: fakeApiKey, INDICIA_WHOISXML_URL: fake.origin, INDICIA_WHOISXML_MAX_REVERSE_PAGES: '1' });
  const neverShowsKey = (result: CliResult) => assert.ok(!`${result.stdout}${result.stderr}`.includes(fakeApiKey), 'the key is never printed');

  it('pivot reverse: marks what the provider found, keeps the local ranges, lists provider-only domains without ranges, says truncated; a failing provider is a warning', async () => {
    const [answered, refused] = await Promise.all([
      runIndicia(['pivot', 'reverse', '--email', operatorEmail, '--provider', 'whoisxml', '--data', dir.path], { env: providerEnv(answering) }),
      runIndicia(['pivot', 'reverse', '--email', operatorEmail, '--provider', 'whoisxml', '--json', '--data', dir.path], { env: providerEnv(failing) }),
    ]);
    assert.equal(answered.code, 0, answered.stderr);
    const lines = answered.stdout.split('\n');
    assert.equal(lines[0], '2 domains held that email:');
    assert.match(answered.stdout, /\n {2}velvet-jobs\.example +registrant +2024-03-01 12:00Z → now {2}\[also whoisxml\]\n/);
    assert.match(answered.stdout, /\n {2}local-only\.example +registrant +2024-02-01 08:00Z → 2024-02-01 08:00Z \(gone by 2024-04-01 08:00Z\)\n/);
    assert.doesNotMatch(answered.stdout, /local-only\.example.*whoisxml/);
    assert.match(answered.stdout, /WhoisXML API Reverse WHOIS: 3 domains whose current or past records held that email \(truncated: the provider had more matches than it returned\); 2 not in the collected history:/);
    assert.match(answered.stdout, /\n {2}velvet-agency\.example +\[whoisxml\] no time ranges: not in the collected history\n/);
    assert.match(answered.stdout, /\n {2}velvet-models\.example +\[whoisxml\] no time ranges/);
    assert.equal(answered.stderr, '');
    assert.deepEqual(answering.requests.map((request) => request.api), ['reverse']);
    neverShowsKey(answered);

    assert.equal(refused.code, 0, 'a failing provider is a warning: the local results are the answer');
    assert.match(refused.stderr, /^indicia: warning: WhoisXML API Reverse WHOIS gave no answer: WhoisXML API Reverse WHOIS: HTTP 500 \(Internal server error\); showing the collected history alone\n$/);
    const json = refused.stdout.trim().split('\n').map((line) => JSON.parse(line) as { domain: string; providers: string[]; ranges: unknown[] });
    assert.deepEqual(json.map((line) => [line.domain, line.providers, line.ranges.length]), [['velvet-jobs.example', [], 1], ['local-only.example', [], 1]]);
    neverShowsKey(refused);
  });

  it('never shows the key in --help, even when it is set', async () => {
    const saved = process.env.INDICIA_WHOISXML_API_KEY;
    process.env.INDICIA_WHOISXML_API_KEY = fakeApiKey;
    try {
      const program = buildProgram();
      const reverse = program.commands.find((command) => command.name() === 'pivot')!.commands.find((command) => command.name() === 'reverse')!;
      const crawl = program.commands.find((command) => command.name() === 'crawl')!;
      assert.match(reverse.helpInformation(), /--provider <name>/);
      for (const help of [program.helpInformation(), reverse.helpInformation(), crawl.helpInformation()]) assert.ok(!help.includes(fakeApiKey));
    } finally {
      if (saved === undefined) delete process.env.INDICIA_WHOISXML_API_KEY;
      else process.env.INDICIA_WHOISXML_API_KEY = saved;
    }
  });

  it('rdap bootstrap: refreshes from a server into the data directory, refuses a malformed file leaving the copy untouched, and says which is in use', async () => {
    const refreshed = await runIndicia(['rdap', 'bootstrap', '--refresh', '--from', `${filesOrigin}/good/dns.json`, '--data', bootstrapDir.path]);
    assert.equal(refreshed.code, 0, refreshed.stderr);
    assert.equal(refreshed.stdout, `refreshed from ${filesOrigin}/good/dns.json: published 2017-03-15T21:26:24Z, 2 TLDs with an RDAP server; kept in ${bootstrapDir.path}\n`);
    const cachedPath = join(bootstrapDir.path, cachedRdapBootstrapName);
    const cached = readFileSync(cachedPath, 'utf8');

    const refused = await runIndicia(['rdap', 'bootstrap', '--refresh', '--from', `${filesOrigin}/bad/dns.json`, '--data', bootstrapDir.path]);
    assert.equal(refused.code, 2, 'a malformed file is a usage error (RdapBootstrapError)');
    assert.match(refused.stderr, new RegExp(`^indicia: invalid RDAP bootstrap file \\(${filesOrigin.replace(/\./g, '\\.')}/bad/dns\\.json\\): .+; nothing was changed\\n$`));
    assert.equal(readFileSync(cachedPath, 'utf8'), cached, 'the cached copy is untouched');

    const inUse = await runIndicia(['rdap', 'bootstrap', '--data', bootstrapDir.path]);
    assert.equal(inUse.code, 0, inUse.stderr);
    assert.equal(inUse.stdout, `RDAP bootstrap in use: the copy refreshed into the data directory (${cachedPath})\n  published 2017-03-15T21:26:24Z, 2 TLDs with an RDAP server\n`);
    // The copy is what lookups route with (createPivotLookups passes the data directory as cacheDir).
    assert.equal(await new RdapClient({ cacheDir: bootstrapDir.path }).serverFor('a.sub.example.com'), 'https://example.com/sub/');
  });
});
