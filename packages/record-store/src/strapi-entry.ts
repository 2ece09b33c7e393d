import {
  COLLECTIONS,
  naturalKey,
  type CollectionName,
  type CollectionSpec,
  type FieldSpec,
  type FieldValue,
  type Fields,
} from '@apilados/domain';
import type { StoredEntry } from './record-store.js';

/**
 * A field's value as both stores compare and return it: strings as
 * strings, integers and decimals as numbers, booleans as booleans,
 * one-to-one links as the linked id, many links as sorted ids, anything
 * absent as null. Accepts Strapi's shapes too (`{ id }` objects, decimals
 * as strings, booleans as 0/1).
 */
export function normaliseValue(spec: FieldSpec, value: unknown): FieldValue {
  if (value === null || value === undefined) return null;
  if (spec.kind === 'relation') {
    if (spec.many) {
      if (!Array.isArray(value)) return [];
      return value.map(idOf).filter((id): id is number => id !== null)
        .sort((a, b) => a - b);
    }
    return idOf(value);
  }
  switch (spec.type) {
    case 'string':
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    case 'integer':
    case 'decimal': {
      const n = Number(value);
      return Number.isFinite(n) ? n : null;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 1 || value === '1' || value === 'true') return true;
      if (value === 0 || value === '0' || value === 'false') return false;
      return null;
  }
}

function idOf(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && value !== null && 'id' in value) {
    const id = (value as { id: unknown }).id;
    return typeof id === 'number' ? id : null;
  }
  return null;
}

/**
 * The natural key of an entry or draft, after normalising its key fields,
 * so that a draft and the CMS entry it matches give the same string.
 */
export function keyOf(collection: CollectionName, fields: Fields): string {
  const spec = COLLECTIONS[collection];
  const normal: Record<string, FieldValue> = {};
  for (const name of spec.key) {
    normal[name] = normaliseValue(spec.fields[name]!, fields[name]);
  }
  return naturalKey(collection, normal);
}

/**
 * A Strapi entry (`{ id, documentId, ...fields }`, relations populated
 * with their ids) as a stored entry; fields outside `names` read as null.
 */
export function fromStrapi(
  spec: CollectionSpec,
  raw: unknown,
  names: readonly string[] = Object.keys(spec.fields),
): StoredEntry | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const entry = raw as Record<string, unknown>;
  if (typeof entry.id !== 'number') return undefined;
  const fields: Record<string, FieldValue> = {};
  for (const [name, field] of Object.entries(spec.fields)) {
    fields[name] = names.includes(name)
      ? normaliseValue(field, entry[name])
      : null;
  }
  return { id: entry.id, fields };
}

/**
 * A draft as the `data` of a create request: the collection's own fields
 * only, links as numeric ids, absent values left out.
 */
export function toStrapi(
  spec: CollectionSpec,
  draft: Fields,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(spec.fields)) {
    const value = normaliseValue(field, draft[name]);
    if (value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    data[name] = value;
  }
  return data;
}
