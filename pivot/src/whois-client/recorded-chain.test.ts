import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maxRawRegistrationChars } from '@indicia/core';
import { recordedChainOf } from './recorded-chain.js';
import type { WhoisAnswer } from './whois-client.js';

const answer = (server: string, raw: string, queriedAt: string): WhoisAnswer => ({ server, raw, rawSha256: `sha-of-${server}`, encoding: 'utf-8', truncated: false, queriedAt });

describe('recordedChainOf', () => {
  it('keeps every answer before the final one, in order, and cuts each like the snapshot raw', () => {
    const long = 'x'.repeat(maxRawRegistrationChars + 10);
    const { chain } = recordedChainOf({
      answers: [answer('whois.iana.example', long, '2024-01-01T00:00:00.000Z'), answer('whois.nic.example', 'thin', '2024-01-01T00:00:01.000Z'), answer('whois.registrar.example', 'final', '2024-01-01T00:00:02.000Z')],
    });
    assert.deepEqual(chain?.map((entry) => entry.server), ['whois.iana.example', 'whois.nic.example']);
    assert.equal(chain![0]!.raw.length, maxRawRegistrationChars);
    assert.equal(chain![0]!.rawSha256, 'sha-of-whois.iana.example', 'the hash stays that of the bytes received');
    assert.deepEqual(chain![1], { server: 'whois.nic.example', raw: 'thin', rawSha256: 'sha-of-whois.nic.example', queriedAt: '2024-01-01T00:00:01.000Z' });
  });

  it('gives nothing to spread in when one server answered', () => {
    assert.deepEqual(recordedChainOf({ answers: [answer('whois.nic.example', 'thick', '2024-01-01T00:00:00.000Z')] }), {});
  });
});
