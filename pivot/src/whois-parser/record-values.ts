/**
 * Record values as the schema wants them, from values as registries write them: host names
 * lowercased without the trailing dot or glue IPs, EPP status codes without their ICANN URL,
 * Nominet-style registrar names ("X Ltd t/a Y [Tag = Z]").
 */

const hostName = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?\.?$/i;
const ipAddress = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:.]+)$/i;

/** The host names in a name-server value ("ns1.example.net 192.0.2.1", "ns1.example.net. (192.0.2.1)"). */
export function nameserverHosts(value: string): string[] {
  const hosts: string[] = [];
  // Zone-file style: "example.pt	NS	ns1.example.net."
  const zoneRecord = /\sNS\s+(\S+)/.exec(value);
  if (zoneRecord !== null) return nameserverHosts(zoneRecord[1]!);
  for (const token of value.split(/[\s,;()[\]]+/)) {
    if (token === '' || ipAddress.test(token) || !hostName.test(token)) continue;
    hosts.push(token.toLowerCase().replace(/\.$/, ''));
  }
  return hosts;
}

/** The domain a "Domain Name:" value names, lowercased; null when it is not a domain. */
export function domainOf(value: string): string | null {
  const token = value.trim().split(/\s+/)[0]!.toLowerCase().replace(/\.$/, '');
  return /^(?:[\p{L}\p{N}_-]+\.)+[\p{L}\p{N}-]+$/u.test(token) ? token : null;
}

/** The statuses in one value: "REGISTERED, DELEGATED, VERIFIED" lists several, one word each. */
export function statusesOf(value: string): Array<string | null> {
  return /^[A-Za-z]+(?:\s*,\s*[A-Za-z]+)+$/.test(value.trim()) ? value.split(/\s*,\s*/).map(statusOf) : [statusOf(value)];
}

/** A status as written, without the ICANN URL EPP codes carry since 2014. */
export function statusOf(value: string): string | null {
  const status = value
    .replace(/\s*\(?(?:https?:\/\/\S+)\)?\s*$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return status === '' ? null : status;
}

export interface RegistrarName {
  readonly name: string | null;
  readonly id: string | null;
  readonly url: string | null;
}

const handleOnly = /^[A-Z0-9]+(?:-[A-Z0-9]+)+$/;

/**
 * A registrar value to its name, and the id or URL registries append: "MarkMonitor Inc. (R151-LRMS)",
 * "Example Registrar (www.example.net)", Nominet's "X Ltd t/a Y [Tag = Z]"; a bare handle
 * ("RU-CENTER-REG-RIPN") is an id, not a name.
 */
export function registrarNameOf(value: string): RegistrarName | null {
  let text = value.trim();
  let id: string | null = null;
  let url: string | null = null;
  const tag = /\s*\[\s*tag\s*=\s*([^\]]+)\]\s*$/i.exec(text);
  if (tag !== null) {
    id = tag[1]!.trim();
    text = text.slice(0, tag.index).trim();
  }
  const appended = /\s*\(([^()\s]+)\)\s*$/.exec(text);
  if (appended !== null && /\d/.test(appended[1]!) && !appended[1]!.includes('.')) {
    id ??= appended[1]!;
    text = text.slice(0, appended.index).trim();
  } else if (appended !== null && urlOf(appended[1]!) !== null) {
    url = appended[1]!;
    text = text.slice(0, appended.index).trim();
  }
  const tradingAs = /\bt\/a\s+(.+)$/i.exec(text);
  if (tradingAs !== null) text = tradingAs[1]!.trim();
  if (handleOnly.test(text)) return { name: null, id: id ?? text, url };
  if (/^no registrar listed\b/i.test(text)) return null;
  return text === '' ? null : { name: text, id, url };
}

/** A URL as written ("http://www.example.net", or a bare "www.example.net"); null for anything else. */
export function urlOf(value: string): string | null {
  const text = value.trim();
  return /^https?:\/\/\S+$/i.test(text) || /^[\w-]+(?:\.[\w-]+)+(?:\/\S*)?$/.test(text) ? text : null;
}
