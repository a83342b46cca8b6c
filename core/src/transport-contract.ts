import { strict as assert } from 'node:assert';
import { afterEach, describe, it } from 'node:test';
import { createEnvelope, type Envelope } from './envelope.js';
import { DeadLetterError, RetryableError, StopRunError } from './errors.js';
import type { DomainSeen, MessageType } from './messages.js';
import type { DeadLetter, Transport } from './transport.js';

/** What the contract asks of a factory: the retry policy it must build the transport with (small, so tests are fast). */
export interface TransportContractSettings {
  maxAttempts: number;
  retryBaseMs: number;
}

/** A transport under test, with the hooks the contract needs around the `Transport` port. */
export interface TransportHarness {
  transport: Transport;
  /** Starts consuming once the test has subscribed (Kafka joins its consumer groups); nothing to do in memory. */
  start(): Promise<void>;
  /**
   * Writes bytes straight onto a type's channel, past `publish`'s validation, as a buggy or hostile
   * producer would. Absent where no such channel exists (in memory, every message went through publish).
   */
  injectRaw?(type: MessageType, value: Buffer): Promise<void>;
  /** The dead letters the transport kept durably (Kafka: its dead-letter topic); absent if it keeps none. */
  persistedDeadLetters?(): Promise<DeadLetter[]>;
  /** Closes the transport (it may be closed already) and removes whatever the factory created. */
  dispose(): Promise<void>;
}

const testTimeout = { timeout: 60_000 };
const origin = { runId: 'run-contract', producer: 'contract' };
const domainSeen = (domain: string, via: DomainSeen['via'] = 'site'): DomainSeen => ({ domain, via, captureId: `capture-${domain}`, adId: null });
const seen = (domain: string, via?: DomainSeen['via']) => createEnvelope('domain.seen', domainSeen(domain, via), origin);
const domainOf = (envelope: Envelope | undefined) => (envelope as Envelope<'domain.seen'> | undefined)?.payload.domain;
const byDomain = (a: DeadLetter, b: DeadLetter) => String(domainOf(a.envelope)).localeCompare(String(domainOf(b.envelope)));

/** Polls until `condition` holds; a test that waits for something that never comes fails by its timeout. */
async function waitUntil(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

/**
 * The behaviour every Transport must show, as a node:test suite: the in-memory transport and the
 * Kafka transport both run it, so a stage behaves the same embedded and distributed. Each test gets
 * a fresh transport from `makeTransport` and disposes of it.
 */
export function runTransportContract(
  name: string,
  makeTransport: (settings: TransportContractSettings) => Promise<TransportHarness>,
  /** `carriesBytes`: messages travel as bytes that a producer other than `publish` can write (Kafka), so malformed ones can arrive. */
  options: { carriesBytes: boolean } = { carriesBytes: false },
): void {
  describe(`Transport contract: ${name}`, () => {
    const settings: TransportContractSettings = { maxAttempts: 3, retryBaseMs: 20 };
    let harness: TransportHarness | null = null;
    const open = async () => (harness = await makeTransport(settings));
    afterEach(async () => {
      await harness?.dispose();
      harness = null;
    });

    it('delivers every published message, as a copy that went through JSON', testTimeout, async () => {
      const { transport, start } = await open();
      const domains: Envelope[] = [];
      const requests: Envelope[] = [];
      transport.subscribe('domain.seen', async (m) => void domains.push(m), { group: 'roundtrip' });
      transport.subscribe('crawl.requested', async (m) => void requests.push(m), { group: 'roundtrip' });
      await start();
      const sent = [seen('a.example'), seen('b.example'), seen('c.example')];
      const request = createEnvelope('crawl.requested', {
        url: 'http://velvet-nights.test/ads/1', canonicalUrl: 'http://velvet-nights.test/ads/1', host: 'velvet-nights.test', depth: 0, parentUrl: null,
        submission: { id: 'run-contract', seeds: ['http://velvet-nights.test/'], maxDepth: 2, recrawl: false },
      }, origin);
      await Promise.all([...sent, request].map((m) => transport.publish(m)));
      await transport.drain();
      assert.deepEqual([...domains].sort((a, b) => a.id.localeCompare(b.id)), [...sent].sort((a, b) => a.id.localeCompare(b.id)));
      assert.deepEqual(requests, [request]);
      assert.notEqual(requests[0], request);
    });

    it('gives every consumer group every message', testTimeout, async () => {
      const { transport, start } = await open();
      const groupA: string[] = [];
      const groupB: string[] = [];
      transport.subscribe('domain.seen', async (m) => void groupA.push(m.id), { group: 'a' });
      transport.subscribe('domain.seen', async (m) => void groupB.push(m.id), { group: 'b', concurrency: 4 });
      await start();
      const sent = Array.from({ length: 20 }, (_, i) => seen(`d${i}.example`));
      await Promise.all(sent.map((m) => transport.publish(m)));
      await transport.drain();
      const ids = sent.map((m) => m.id).sort();
      assert.deepEqual([...groupA].sort(), ids);
      assert.deepEqual([...groupB].sort(), ids);
    });

    it('rejects a payload that does not fit its schema at the producer', testTimeout, async () => {
      const { transport, start } = await open();
      await start();
      const bad = createEnvelope('domain.seen', { domain: '', via: 'site', captureId: 'c', adId: null }, origin);
      await assert.rejects(transport.publish(bad), DeadLetterError);
    });

    it('retries a retryable failure with backoff, then succeeds', testTimeout, async () => {
      const { transport, start } = await open();
      let calls = 0;
      const deadLetters: DeadLetter[] = [];
      transport.onDeadLetter((d) => deadLetters.push(d));
      transport.subscribe('domain.seen', async () => {
        calls++;
        if (calls < settings.maxAttempts) throw new RetryableError('not yet');
      }, { group: 'retry' });
      await start();
      await transport.publish(seen('retry.example'));
      await transport.drain();
      assert.equal(calls, settings.maxAttempts);
      assert.deepEqual(deadLetters, []);
    });

    it('dead-letters a DeadLetterError at once and a persistent failure after maxAttempts; the rest flows on', testTimeout, async () => {
      const { transport, start, persistedDeadLetters } = await open();
      const deadLetters: DeadLetter[] = [];
      transport.onDeadLetter((d) => deadLetters.push(d));
      const calls = new Map<string, number>();
      transport.subscribe('domain.seen', async (m) => {
        calls.set(m.payload.domain, (calls.get(m.payload.domain) ?? 0) + 1);
        if (m.payload.domain === 'poison.example') throw new DeadLetterError('cannot parse');
        if (m.payload.domain === 'buggy.example') throw new Error('bug');
      }, { group: 'dead' });
      await start();
      const poison = seen('poison.example');
      const buggy = seen('buggy.example');
      await Promise.all([poison, buggy, seen('fine.example')].map((m) => transport.publish(m)));
      await transport.drain();
      assert.deepEqual(Object.fromEntries(calls), { 'poison.example': 1, 'buggy.example': settings.maxAttempts, 'fine.example': 1 });
      deadLetters.sort(byDomain);
      assert.deepEqual(deadLetters.map((d) => [domainOf(d.envelope), d.attempts, d.group]), [
        ['buggy.example', settings.maxAttempts, 'dead'],
        ['poison.example', 1, 'dead'],
      ]);
      assert.deepEqual(deadLetters[0]!.envelope, buggy);
      assert.match(deadLetters[0]!.error, /Error: bug/);
      assert.match(deadLetters[1]!.error, /DeadLetterError: cannot parse/);
      assert.ok(!Number.isNaN(Date.parse(deadLetters[0]!.failedAt)));
      if (persistedDeadLetters) {
        const kept = (await persistedDeadLetters()).sort(byDomain);
        assert.deepEqual(kept.map((d) => [domainOf(d.envelope), d.attempts, d.error]), deadLetters.map((d) => [domainOf(d.envelope), d.attempts, d.error]));
      }
    });

    it('drain waits for handlers in flight and for the messages they publish', testTimeout, async () => {
      const { transport, start } = await open();
      const child = gate();
      const handled: string[] = [];
      transport.subscribe('domain.seen', async (m) => {
        if (m.payload.via === 'site') {
          await transport.publish(createEnvelope('domain.seen', { ...m.payload, domain: `child.${m.payload.domain}`, via: 'url' }, { ...origin, parent: m }));
        } else {
          await child.wait;
        }
        handled.push(m.payload.domain);
      }, { group: 'drain', concurrency: 2 });
      await start();
      await transport.publish(seen('parent.example'));
      let drained = false;
      const draining = transport.drain().then(() => (drained = true));
      await waitUntil(() => handled.includes('parent.example'), 'the parent is handled');
      // However slow the machine, drain cannot resolve while the child's handler is held.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(drained, false);
      child.open();
      await draining;
      assert.deepEqual(handled.sort(), ['child.parent.example', 'parent.example']);
    });

    it('drain resolves when nothing was published', testTimeout, async () => {
      const { transport, start } = await open();
      transport.subscribe('domain.seen', async () => assert.fail('nothing was published'), { group: 'idle' });
      await start();
      await transport.drain();
    });

    it('handles up to `concurrency` messages of a subscription at once', testTimeout, async () => {
      const { transport, start } = await open();
      const release = gate();
      let active = 0;
      let mostActive = 0;
      let handled = 0;
      transport.subscribe('domain.seen', async () => {
        active++;
        mostActive = Math.max(mostActive, active);
        await release.wait;
        active--;
        handled++;
      }, { group: 'concurrent', concurrency: 3 });
      await start();
      await Promise.all(Array.from({ length: 12 }, (_, i) => transport.publish(seen(`c${i}.example`))));
      await waitUntil(() => active === 3, 'three handlers run at once');
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(mostActive, 3);
      release.open();
      await transport.drain();
      assert.equal(handled, 12);
      assert.equal(mostActive, 3);
    });

    it('stops the run on StopRunError: drain rejects with it', testTimeout, async () => {
      const { transport, start } = await open();
      transport.subscribe('domain.seen', async () => {
        throw new StopRunError('disk full');
      }, { group: 'stop' });
      await start();
      await transport.publish(seen('stop.example'));
      await assert.rejects(transport.drain(), /disk full/);
    });

    it('close while a handler runs: it resolves, and no handler starts after it', testTimeout, async () => {
      const { transport, start } = await open();
      const release = gate();
      let started = 0;
      transport.subscribe('domain.seen', async () => {
        started++;
        await release.wait;
      }, { group: 'closing' });
      await start();
      await Promise.all(Array.from({ length: 5 }, () => transport.publish(seen('same-key.example'))));
      await waitUntil(() => started === 1, 'the first handler runs');
      const closing = transport.close();
      release.open();
      await closing;
      const startedAtClose = started;
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(started, startedAtClose);
      await assert.rejects(transport.publish(seen('late.example')));
    });

    // In memory every message went through publish's validation: no malformed message can arrive.
    if (options.carriesBytes) it('a malformed message ends in the dead letter with its reason; the rest flows on', testTimeout, async () => {
      const { transport, start, injectRaw, persistedDeadLetters } = await open();
      if (!injectRaw) throw new Error(`${name} carries bytes: its harness must give injectRaw`);
      const deadLetters: DeadLetter[] = [];
      transport.onDeadLetter((d) => deadLetters.push(d));
      const handled: string[] = [];
      transport.subscribe('domain.seen', async (m) => void handled.push(m.payload.domain), { group: 'malformed' });
      await start();
      const garbage = Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22, 0x9c]);
      const notAnEnvelope = Buffer.from(JSON.stringify({ ...seen('x.example'), payload: { domain: 7 } }));
      await transport.publish(seen('before.example'));
      await injectRaw('domain.seen', garbage);
      await injectRaw('domain.seen', notAnEnvelope);
      await transport.publish(seen('after.example'));
      await transport.drain();
      assert.deepEqual(handled.sort(), ['after.example', 'before.example']);
      const reasons = (letters: DeadLetter[]) => letters.map((d) => [d.raw, d.envelope, d.error, d.attempts, d.group]).sort((a, b) => String(a[2]).localeCompare(String(b[2])));
      assert.deepEqual(reasons(deadLetters).map((r) => [r[0], r[1], r[3], r[4]]), [
        [notAnEnvelope.toString('base64'), undefined, 1, 'malformed'],
        [garbage.toString('base64'), undefined, 1, 'malformed'],
      ]);
      assert.match(String(reasons(deadLetters)[0]![2]), /^DeadLetterError: invalid domain\.seen payload at domain/);
      assert.match(String(reasons(deadLetters)[1]![2]), /^DeadLetterError: message is not valid JSON/);
      if (persistedDeadLetters) assert.deepEqual(reasons(await persistedDeadLetters()), reasons(deadLetters));
    });
  });
}
