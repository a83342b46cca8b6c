import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeWhoisBytes } from './whois-text-decoding.js';

describe('decodeWhoisBytes', () => {
  it('reads valid UTF-8 as UTF-8 whatever the server is said to use', () => {
    assert.deepEqual(decodeWhoisBytes(Buffer.from('Société', 'utf8'), 'iso-8859-1'), { text: 'Société', encoding: 'utf-8' });
  });

  it("falls back to the server's encoding, then to windows-1252 with its 0x80–0x9F characters", () => {
    assert.deepEqual(decodeWhoisBytes(Buffer.from([0xc1, 0xc2]), 'koi8-r'), { text: 'аб', encoding: 'koi8-r' });
    assert.deepEqual(decodeWhoisBytes(Buffer.from([0x93, 0x80, 0x94, 0xe9]), null), { text: '“€”é', encoding: 'windows-1252' });
    assert.equal(decodeWhoisBytes(Buffer.from([0xe9]), 'no-such-encoding').encoding, 'windows-1252');
    assert.equal(decodeWhoisBytes(Buffer.from([0xff, 0xfe]), 'utf-8').encoding, 'windows-1252');
  });

  it('recognises ISO-2022-JP by its escape sequences even though the bytes are valid UTF-8', () => {
    const bytes = Buffer.from('1b2442467c4b5c1b2842', 'hex'); // ESC $ B 日本 ESC ( B
    assert.deepEqual(decodeWhoisBytes(bytes, null), { text: '日本', encoding: 'iso-2022-jp' });
  });
});
