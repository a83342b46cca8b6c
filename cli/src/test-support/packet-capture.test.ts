import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { connectionCounts, leaksIn, readCapture } from './packet-capture.js';

// Lines as `tcpdump -n -r` prints a capture taken with `-i any` inside a sealed namespace.
const capture = [
  '05:11:00.000001 lo    In  IP 127.0.0.1.40000 > 127.0.0.1.9050: Flags [S], seq 1, win 65495, length 0',
  '05:11:00.000002 lo    In  IP 127.0.0.1.9050 > 127.0.0.1.40000: Flags [S.], seq 2, ack 2, win 65483, length 0',
  '05:11:00.000003 lo    In  IP 127.0.0.1.40000 > 127.0.0.1.9050: Flags [P.], seq 1:4, ack 1, length 3',
  '05:11:00.000004 lo    In  IP 127.0.0.1.40001 > 127.0.0.1.38211: Flags [S], seq 5, win 65495, length 0',
  '05:11:00.000005 lo    In  IP 127.0.0.1.38211 > 127.0.0.1.40001: Flags [S.], seq 6, ack 6, win 65483, length 0',
  '05:11:00.000006 lo    In  IP 10.255.255.53.52497 > 10.255.255.53.53: 18439+ A? abc.onion. (27)',
  '05:11:00.000007 lo    In  IP 10.255.255.53 > 10.255.255.53: ICMP 10.255.255.53 udp port 53 unreachable, length 63',
  '05:11:00.000008 lo    In  IP 10.1.2.3.39088 > 10.1.2.3.80: Flags [S], seq 7, win 65495, length 0',
  '05:11:00.000009 lo    In  IP 10.1.2.3.80 > 10.1.2.3.39088: Flags [R.], seq 0, ack 8, win 0, length 0',
  '05:11:00.000010 lo    In  IP6 ::1.47210 > 2001:db8::1.443: UDP, length 1200',
  '05:11:00.000011 lo    In  IP6 ::1.47211 > 2001:db8::1.80: Flags [S], seq 9, win 65476, length 0',
].join('\n');

describe('reading a leak-test capture', () => {
  const report = readCapture(capture);
  const proxy = { address: '127.0.0.1', port: 9050 };

  it('pairs each SYN with its answer and finds DNS questions and other UDP', () => {
    assert.deepEqual(report.connections, [
      { destination: '127.0.0.1:9050', answer: 'accepted' },
      { destination: '127.0.0.1:38211', answer: 'accepted' },
      { destination: '10.1.2.3:80', answer: 'refused' },
      { destination: '2001:db8::1:80', answer: 'none' },
    ]);
    assert.deepEqual(report.dnsQuestions, ['18439+ A? abc.onion. (27)']);
    assert.equal(report.otherUdp.length, 1);
    assert.deepEqual(connectionCounts(report, proxy), { toProxy: 1, other: 3 });
  });

  it('calls everything but the proxy a leak; accepted loopback connections only when own listeners are allowed', () => {
    const strict = leaksIn(report, proxy, { allowOwnListeners: false });
    assert.equal(strict.length, 5, strict.join('\n'));
    assert.ok(strict.includes('TCP connection to 127.0.0.1:38211 (accepted)'));
    const lenient = leaksIn(report, proxy, { allowOwnListeners: true });
    assert.deepEqual(lenient, [
      'DNS question: 18439+ A? abc.onion. (27)',
      'UDP: 05:11:00.000010 lo    In  IP6 ::1.47210 > 2001:db8::1.443: UDP, length 1200',
      'TCP connection to 10.1.2.3:80 (refused)',
      'TCP connection to 2001:db8::1:80 (none)',
    ]);
  });

  it('finds no leak in a capture of only proxy traffic', () => {
    const clean = readCapture(capture.split('\n').slice(0, 3).join('\n'));
    assert.deepEqual(leaksIn(clean, proxy, { allowOwnListeners: false }), []);
    assert.equal(clean.packets, 3);
  });
});
