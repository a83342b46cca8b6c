import { WhoisServerNameError } from './whois-errors.js';

export const whoisPort = 43;

/** A WHOIS server as named ("whois.nic.fr", "whois.example.test:4343"). */
export interface WhoisServerAddress {
  host: string;
  port: number;
}

/** "host" or "host:port", host lowercased; "[::1]:43" for IPv6. */
export function parseWhoisServer(text: string): WhoisServerAddress {
  const trimmed = text.trim().toLowerCase().replace(/^whois:\/\//, '').replace(/\/$/, '');
  const bracketed = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/.exec(trimmed);
  const plain = /^([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(\d{1,5}))?$/.exec(trimmed);
  const match = bracketed ?? plain;
  const port = match?.[2] === undefined ? whoisPort : Number(match[2]);
  if (match === null || port < 1 || port > 65535) throw new WhoisServerNameError(`not a WHOIS server (host[:port]): ${JSON.stringify(text)}`);
  return { host: match[1]!, port };
}

/** The name a server goes by in chains and records: "host", or "host:port" off port 43. */
export function whoisServerName(address: WhoisServerAddress): string {
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return address.port === whoisPort ? host : `${host}:${address.port}`;
}
