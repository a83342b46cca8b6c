/** One TCP connection attempt (a SYN) seen in a capture, and how the other side answered it. */
export interface ConnectionAttempt {
  /** 'ADDRESS:PORT' (IPv6 addresses as tcpdump prints them). */
  destination: string;
  /** SYN-ACK: something listened there. RST: nothing did (inside a sealed namespace every address is local, so a leak ends here). */
  answer: 'accepted' | 'refused' | 'none';
}

/** What `tcpdump -n -r` shows of a crawl, in the terms the leak tests assert on. */
export interface CaptureReport {
  packets: number;
  /** Every DNS question asked (port 53, 5353 mDNS, 5355 LLMNR), as tcpdump prints it ("A? x.onion."). */
  dnsQuestions: string[];
  connections: ConnectionAttempt[];
  /** UDP datagrams other than DNS (QUIC, WebRTC/STUN, anything): none should leave a proxied crawl. */
  otherUdp: string[];
}

/** "IP 1.2.3.4.PORT > 5.6.7.8.PORT: …" or IPv6; lines without ports (ICMP) do not match. */
const packetLine = /\bIP6? ((?:\d+\.){3}\d+|[0-9a-f:]+)\.(\d+) > ((?:\d+\.){3}\d+|[0-9a-f:]+)\.(\d+): (.*)$/i;
const dnsPorts = new Set(['53', '5353', '5355']);

/** Reads tcpdump's text output (`tcpdump -n -r FILE`, any link type). */
export function readCapture(text: string): CaptureReport {
  const report: CaptureReport = { packets: 0, dnsQuestions: [], connections: [], otherUdp: [] };
  // Open attempts by 'src:sport>dst:dport', to pair each SYN with its answer.
  const open = new Map<string, ConnectionAttempt>();
  for (const line of text.split('\n')) {
    const match = packetLine.exec(line);
    if (match === null) continue;
    report.packets++;
    const [, sourceAddress, sourcePort, destinationAddress, destinationPort, rest] = match as unknown as [string, string, string, string, string, string];
    if (rest.startsWith('Flags [S],')) {
      const attempt: ConnectionAttempt = { destination: `${destinationAddress}:${destinationPort}`, answer: 'none' };
      report.connections.push(attempt);
      open.set(`${sourceAddress}:${sourcePort}>${destinationAddress}:${destinationPort}`, attempt);
      continue;
    }
    if (rest.startsWith('Flags [S.],') || rest.startsWith('Flags [R.],') || rest.startsWith('Flags [R],')) {
      const attempt = open.get(`${destinationAddress}:${destinationPort}>${sourceAddress}:${sourcePort}`);
      if (attempt !== undefined && attempt.answer === 'none') attempt.answer = rest.startsWith('Flags [S.]') ? 'accepted' : 'refused';
      continue;
    }
    if (rest.startsWith('Flags')) continue;
    if (dnsPorts.has(destinationPort)) report.dnsQuestions.push(rest);
    else if (!dnsPorts.has(sourcePort)) report.otherUdp.push(line.trim());
  }
  return report;
}

/**
 * The ways a proxied crawl's capture can show a leak, in words (empty when there is none): any DNS
 * question, any UDP, and any TCP connection other than to the proxy port, except loopback
 * connections accepted inside the namespace (a listener of the crawl's own, such as a browser's
 * local SOCKS relay: the namespace has no other).
 */
export function leaksIn(report: CaptureReport, proxy: { address: string; port: number }, options: { allowOwnListeners: boolean }): string[] {
  const leaks: string[] = [];
  for (const question of report.dnsQuestions) leaks.push(`DNS question: ${question}`);
  for (const datagram of report.otherUdp) leaks.push(`UDP: ${datagram}`);
  const proxyDestination = `${proxy.address}:${proxy.port}`;
  for (const attempt of report.connections) {
    if (attempt.destination === proxyDestination) continue;
    const ownListener = attempt.answer === 'accepted' && /^(127\.\d+\.\d+\.\d+|::1):\d+$/.test(attempt.destination);
    if (options.allowOwnListeners && ownListener) continue;
    leaks.push(`TCP connection to ${attempt.destination} (${attempt.answer})`);
  }
  return leaks;
}

/** Connections to the proxy port, and to the crawl's own loopback listeners, for the test's diagnostics. */
export function connectionCounts(report: CaptureReport, proxy: { address: string; port: number }): { toProxy: number; other: number } {
  const toProxy = report.connections.filter((attempt) => attempt.destination === `${proxy.address}:${proxy.port}`).length;
  return { toProxy, other: report.connections.length - toProxy };
}
