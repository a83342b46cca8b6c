import { strict as assert } from 'node:assert';
import { Agent, request, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ProxyAgent, fetch } from 'undici';
import { startTestbed, type RunningTestbed } from './index.js';
import { ProxyClient } from './test-support/proxy-client.js';

interface RawResponse {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
  reusedSocket: boolean;
}

function rawRequest(port: number, options: { path: string; host: string; method?: string; agent?: Agent }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: { host: options.host }, agent: options.agent ?? false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body, reusedSocket: outgoing.reusedSocket }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

function connectTunnel(port: number, authority: string): Promise<{ status: number; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, method: 'CONNECT', path: authority, agent: false });
    outgoing.on('connect', (response: IncomingMessage, socket: Socket) => resolve({ status: response.statusCode ?? 0, socket }));
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const portOf = (url: string) => Number(new URL(url).port);

describe('the forward proxy and the origin server', () => {
  let testbed: RunningTestbed;
  before(async () => {
    testbed = await startTestbed({ seed: 4, ads: 100 });
  });
  after(async () => {
    await testbed.close();
  });

  it('serves absolute-form requests on one keep-alive connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const responses: RawResponse[] = [];
    for (const path of ['/', '/ads?page=1', '/ads/1', '/about', '/robots.txt']) {
      responses.push(await rawRequest(portOf(testbed.proxyUrl), { path: `http://velvet-nights.test${path}`, host: 'velvet-nights.test', agent }));
    }
    agent.destroy();
    assert.deepEqual(responses.map((r) => r.status), [200, 200, 200, 200, 200]);
    assert.deepEqual(responses.map((r) => r.reusedSocket), [false, true, true, true, true]);
    assert.equal(testbed.countRequests({ host: 'velvet-nights.test', path: '/ads?page=1', via: 'proxy' }), 1);
  });

  it('tunnels CONNECT host:80 into the sites, as undici\'s ProxyAgent does by default', async () => {
    const tunnelsBefore = testbed.tunnels();
    const dispatcher = new ProxyAgent({ uri: testbed.proxyUrl });
    try {
      for (const id of [1, 2, 3]) {
        const response = await fetch(`http://velvet-nights.test/ads/${id}`, { dispatcher });
        assert.equal(response.status, 200);
        assert.match(await response.text(), new RegExp(`<article class="ad" id="ad-${id}">`));
      }
      const jobs = await fetch('http://abroad-jobs.test/jobs?lang=pl&page=1', { dispatcher });
      assert.match(await jobs.text(), /<html lang="pl">/);
    } finally {
      await dispatcher.close();
    }
    assert.ok(testbed.tunnels() > tunnelsBefore);
    assert.equal(testbed.countRequests({ host: 'velvet-nights.test', path: '/ads/2', via: 'connect' }), 1);
    assert.equal(testbed.countRequests({ host: 'abroad-jobs.test', path: '/jobs?lang=pl&page=1', via: 'connect' }), 1);
  });

  it('serves absolute-form through undici too when tunnelling is off', async () => {
    const dispatcher = new ProxyAgent({ uri: testbed.proxyUrl, proxyTunnel: false });
    try {
      const response = await fetch('http://abroad-jobs.test/about', { dispatcher });
      assert.equal(response.status, 200);
      await response.text();
    } finally {
      await dispatcher.close();
    }
    assert.equal(testbed.countRequests({ host: 'abroad-jobs.test', path: '/about', via: 'proxy' }), 1);
  });

  it('answers an unknown host with 502, in absolute form and over CONNECT', async () => {
    const absolute = await rawRequest(portOf(testbed.proxyUrl), { path: 'http://nowhere.test/', host: 'nowhere.test' });
    assert.equal(absolute.status, 502);
    assert.match(absolute.body, /cannot resolve host "nowhere\.test"/);
    const tunnel = await connectTunnel(portOf(testbed.proxyUrl), 'nowhere.test:80');
    tunnel.socket.destroy();
    assert.equal(tunnel.status, 502);
    const tls = await connectTunnel(portOf(testbed.proxyUrl), 'velvet-nights.test:443');
    tls.socket.destroy();
    assert.equal(tls.status, 502, 'the testbed has no TLS');
    assert.equal(testbed.countRequests({ host: 'nowhere.test', status: 502 }), 2);
  });

  it('refuses origin-form requests: it is a forward proxy', async () => {
    const response = await rawRequest(portOf(testbed.proxyUrl), { path: '/ads/1', host: 'velvet-nights.test' });
    assert.equal(response.status, 400);
    assert.match(response.body, /this is a forward proxy/);
    const https = await rawRequest(portOf(testbed.proxyUrl), { path: 'https://velvet-nights.test/', host: 'velvet-nights.test' });
    assert.equal(https.status, 400);
  });

  it('answers HEAD with headers only', async () => {
    const response = await rawRequest(portOf(testbed.proxyUrl), { path: 'http://velvet-nights.test/ads/1', host: 'velvet-nights.test', method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.equal(response.body, '');
    assert.ok(Number(response.headers['content-length']) > 500);
  });

  it('serves the same sites directly by Host header, and counts every such request as direct', async () => {
    assert.equal(testbed.countRequests({ via: 'origin' }), 0);
    const direct = await rawRequest(portOf(testbed.originUrl), { path: '/ads/1', host: 'velvet-nights.test' });
    const client = new ProxyClient(testbed.proxyUrl);
    const viaProxy = await client.text('http://velvet-nights.test/ads/1');
    client.close();
    assert.equal(direct.status, 200);
    assert.equal(direct.body, viaProxy.body);
    const unknown = await rawRequest(portOf(testbed.originUrl), { path: '/', host: 'nowhere.test' });
    assert.equal(unknown.status, 404);
    assert.equal(testbed.countRequests({ via: 'origin' }), 2);
    const entry = testbed.requestLog.find((e) => e.via === 'origin')!;
    assert.deepEqual({ ...entry, at: 0 }, { host: 'velvet-nights.test', path: '/ads/1', method: 'GET', via: 'origin', status: 200, at: 0 });
    assert.ok(Math.abs(entry.at - Date.now()) < 60_000);
  });
});

describe('starting and stopping', () => {
  it('closes fast with idle keep-alive connections, an open tunnel and a download in flight', async () => {
    const testbed = await startTestbed({ ads: 20 });
    const agent = new Agent({ keepAlive: true });
    await rawRequest(portOf(testbed.proxyUrl), { path: 'http://velvet-nights.test/', host: 'velvet-nights.test', agent });
    await rawRequest(portOf(testbed.originUrl), { path: '/', host: 'velvet-nights.test', agent });
    const tunnel = await connectTunnel(portOf(testbed.proxyUrl), 'velvet-nights.test:80');
    tunnel.socket.on('error', () => undefined);
    const huge = connect(portOf(testbed.proxyUrl), '127.0.0.1');
    huge.on('error', () => undefined);
    huge.write('GET http://velvet-nights.test/trap/huge HTTP/1.1\r\nhost: velvet-nights.test\r\n\r\n');
    await new Promise((resolve) => huge.once('data', resolve));
    huge.pause();

    const started = performance.now();
    await testbed.close();
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 1000, `close took ${elapsed.toFixed(0)} ms`);
    await assert.rejects(rawRequest(portOf(testbed.proxyUrl), { path: 'http://velvet-nights.test/', host: 'velvet-nights.test' }), { code: 'ECONNREFUSED' });
    await testbed.close();
    agent.destroy();
    huge.destroy();
  });

  it('keeps only counts when the request log is off', async () => {
    const testbed = await startTestbed({ ads: 20, logRequests: false });
    try {
      const client = new ProxyClient(testbed.proxyUrl);
      await client.text('http://velvet-nights.test/');
      await client.text('http://abroad-jobs.test/');
      client.close();
      assert.equal(testbed.requestLog.length, 0);
      assert.equal(testbed.countRequests({ via: 'proxy' }), 2);
      assert.equal(testbed.countRequests(), 2);
      assert.throws(() => testbed.countRequests({ host: 'velvet-nights.test' }), { name: 'UsageError' });
    } finally {
      await testbed.close();
    }
  });

  it('says clearly when a port is taken', async () => {
    const first = await startTestbed({ ads: 10 });
    try {
      await assert.rejects(startTestbed({ ads: 10, proxyPort: portOf(first.proxyUrl) }), { name: 'UsageError', message: /cannot listen on 127\.0\.0\.1:\d+: EADDRINUSE/ });
    } finally {
      await first.close();
    }
  });
});
