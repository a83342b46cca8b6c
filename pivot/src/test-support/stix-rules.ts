import { stixScoId } from '../exports/stix-identifiers.js';

/**
 * The STIX 2.1 rules the exporter must keep, as a checker for tests: returns every broken rule
 * (empty when the bundle is valid). Covers the spec's MUSTs that apply to what we emit: id
 * pattern and type match, deterministic SCO ids, required properties per type, references that
 * resolve inside the bundle, no empty lists or nulls, timestamp format and order, and new SCO types
 * declared by an extension definition in the bundle.
 */
const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const millisecondTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3,}Z$/;
const timestampProperties = ['created', 'modified', 'first_observed', 'last_observed', 'start_time', 'stop_time', 'published', 'valid_from'];

const requiredByType: Record<string, string[]> = {
  identity: ['name'],
  'observed-data': ['first_observed', 'last_observed', 'number_observed', 'object_refs'],
  relationship: ['relationship_type', 'source_ref', 'target_ref'],
  note: ['content', 'object_refs'],
  report: ['name', 'published', 'object_refs'],
  'extension-definition': ['created_by_ref', 'name', 'schema', 'version', 'extension_types'],
  'email-addr': ['value'],
  'domain-name': ['value'],
  url: ['value'],
  'ipv4-addr': ['value'],
  'ipv6-addr': ['value'],
};

/** ID-contributing properties of the SCO types we emit (spec §6 per type; ours from the extension). */
const idContributing: Record<string, string[]> = {
  'email-addr': ['value'],
  'domain-name': ['value'],
  url: ['value'],
  'ipv4-addr': ['value'],
  'ipv6-addr': ['value'],
  'user-account': ['account_type', 'user_id', 'account_login'],
  'x-indicia-phone-number': ['value'],
  'x-indicia-cryptocurrency-wallet': ['chain', 'address'],
};
const standardScoTypes = new Set(['email-addr', 'domain-name', 'url', 'ipv4-addr', 'ipv6-addr', 'user-account']);

export function stixBundleViolations(bundle: unknown): string[] {
  const problems: string[] = [];
  const record = bundle as { type?: unknown; id?: unknown; objects?: unknown; spec_version?: unknown };
  if (record.type !== 'bundle') problems.push('bundle type is not "bundle"');
  if (typeof record.id !== 'string' || !new RegExp(`^bundle--${uuid}$`).test(record.id)) problems.push(`bad bundle id ${String(record.id)}`);
  if (!Array.isArray(record.objects) || record.objects.length === 0) return [...problems, 'bundle has no objects'];
  const objects = record.objects as Array<Record<string, unknown>>;
  const ids = new Set<string>();
  for (const object of objects) {
    if (ids.has(String(object.id))) problems.push(`duplicate id ${String(object.id)}`);
    ids.add(String(object.id));
  }
  const byId = new Map(objects.map((object) => [String(object.id), object]));
  for (const object of objects) problems.push(...objectViolations(object, byId).map((problem) => `${String(object.id)}: ${problem}`));
  return problems;
}

function objectViolations(object: Record<string, unknown>, byId: ReadonlyMap<string, Record<string, unknown>>): string[] {
  const problems: string[] = [];
  const type = String(object.type);
  if (!/^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$/.test(type) || type.includes('--')) problems.push(`bad type ${type}`);
  if (typeof object.id !== 'string' || !new RegExp(`^${type}--${uuid}$`).test(object.id)) problems.push(`id does not match ${type}--<uuid>`);
  if (object.spec_version !== '2.1') problems.push('spec_version is not "2.1"');
  const isSco = standardScoTypes.has(type) || type.startsWith('x-');
  if (!isSco) {
    for (const property of ['created', 'modified']) {
      if (typeof object[property] !== 'string' || !millisecondTimestamp.test(object[property] as string)) problems.push(`${property} missing or not to the millisecond`);
    }
    if (typeof object.created === 'string' && typeof object.modified === 'string' && object.modified < object.created) problems.push('modified before created');
  }
  for (const property of requiredByType[type] ?? []) if (object[property] === undefined) problems.push(`missing required ${property}`);
  for (const [property, value] of Object.entries(object)) {
    if (!/^[a-z0-9_]{1,250}$/.test(property)) problems.push(`bad property name ${property}`);
    if (value === null) problems.push(`${property} is null`);
    if (Array.isArray(value) && value.length === 0) problems.push(`${property} is an empty list`);
    if (timestampProperties.includes(property) && (typeof value !== 'string' || !timestamp.test(value))) problems.push(`${property} is not a STIX timestamp`);
    const references = property.endsWith('_ref') ? [value] : property.endsWith('_refs') && Array.isArray(value) ? value : [];
    for (const reference of references) if (!byId.has(String(reference))) problems.push(`${property} points outside the bundle: ${String(reference)}`);
  }
  if (type === 'observed-data') {
    const count = object.number_observed;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 999_999_999) problems.push('number_observed out of range');
    if (String(object.last_observed) < String(object.first_observed)) problems.push('last_observed before first_observed');
  }
  if (type === 'relationship') {
    if (!/^[a-z0-9-]+$/.test(String(object.relationship_type))) problems.push('relationship_type not lowercase-hyphenated');
    if (object.start_time !== undefined && object.stop_time !== undefined && String(object.stop_time) <= String(object.start_time)) problems.push('stop_time not later than start_time');
  }
  const contributing = idContributing[type];
  if (contributing !== undefined) {
    const values = Object.fromEntries(contributing.flatMap((property) => (typeof object[property] === 'string' ? [[property, object[property] as string]] : [])));
    if (Object.keys(values).length === 0) problems.push('no ID-contributing property');
    else if (stixScoId(type, values) !== object.id) problems.push('id is not the deterministic id of its ID-contributing properties');
  }
  if (type.startsWith('x-')) problems.push(...newScoViolations(object, byId));
  return problems;
}

/** A new SCO type must name, in `extensions`, an extension definition of type new-sco present in the bundle. */
function newScoViolations(object: Record<string, unknown>, byId: ReadonlyMap<string, Record<string, unknown>>): string[] {
  const extensions = object.extensions as Record<string, { extension_type?: string }> | undefined;
  const entry = Object.entries(extensions ?? {}).find(([, value]) => value.extension_type === 'new-sco');
  if (entry === undefined) return ['new SCO type without a new-sco extension'];
  const definition = byId.get(entry[0]);
  if (definition?.type !== 'extension-definition') return [`extension ${entry[0]} is not in the bundle`];
  return (definition.extension_types as string[]).includes('new-sco') ? [] : ['extension definition does not declare new-sco'];
}
