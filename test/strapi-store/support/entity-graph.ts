import {
  COLLECTIONS,
  COLLECTION_NAMES,
  type CollectionName,
  type FieldValue,
} from '@apilados/domain';
import type { RecordStore, StoredEntry } from '@apilados/record-store';

/** A field's value with every link replaced by the target's natural key. */
export type GraphValue = string | number | boolean | null | string[];

/** Every entry of every collection, ids replaced by natural keys, sorted. */
export type EntityGraph = Record<CollectionName, Record<string, GraphValue>[]>;

/**
 * Reads every collection of `store` and describes it without ids: each
 * link becomes the linked entry's natural key, spelled out through its own
 * links (a participation reads `participante=(P-1) implementacion=(…)`).
 * Two stores holding the same data give equal graphs whatever their ids;
 * a duplicated entry shows up as a repeated line.
 */
export async function entityGraph(store: RecordStore): Promise<EntityGraph> {
  const entries = new Map<CollectionName, Map<number, StoredEntry>>();
  for (const name of COLLECTION_NAMES) {
    const list = await store.list(name);
    entries.set(name, new Map(list.map((e) => [e.id, e])));
  }

  const keys = new Map<string, string>();
  const keyOf = (collection: CollectionName, id: number): string => {
    const memo = `${collection}#${id}`;
    const known = keys.get(memo);
    if (known !== undefined) return known;
    const entry = entries.get(collection)!.get(id);
    if (!entry) return `${collection}#missing-${id}`;
    const spec = COLLECTIONS[collection];
    const parts = spec.key.map((name) =>
      `${name}=${spell(collection, name, entry.fields[name] ?? null)}`);
    const key = `(${parts.join(' ')})`;
    keys.set(memo, key);
    return key;
  };
  const spell = (
    collection: CollectionName,
    field: string,
    value: FieldValue,
  ): string => {
    const spec = COLLECTIONS[collection].fields[field]!;
    if (spec.kind !== 'relation' || value === null) return JSON.stringify(value);
    if (Array.isArray(value)) {
      return `[${value.map((id) => keyOf(spec.target, id)).join(',')}]`;
    }
    return keyOf(spec.target, value as number);
  };

  const graph = {} as EntityGraph;
  for (const name of COLLECTION_NAMES) {
    const spec = COLLECTIONS[name];
    const rows = [...entries.get(name)!.values()].map((entry) => {
      const row: Record<string, GraphValue> = {};
      for (const [field, fieldSpec] of Object.entries(spec.fields)) {
        const value = entry.fields[field] ?? null;
        if (fieldSpec.kind !== 'relation' || value === null) {
          row[field] = value as GraphValue;
        } else if (Array.isArray(value)) {
          row[field] = value.map((id) => keyOf(fieldSpec.target, id)).sort();
        } else {
          row[field] = keyOf(fieldSpec.target, value as number);
        }
      }
      return row;
    });
    graph[name] = rows.sort((a, b) =>
      JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);
  }
  return graph;
}

/**
 * Every collection's natural keys, links spelled as the linked entry's
 * key, sorted: what two stores must share when the values decided by the
 * first row that asks for an entry (e.g. which address is principal) may
 * differ because chunks were written in parallel.
 */
export async function keyGraph(
  store: RecordStore,
): Promise<Record<CollectionName, string[]>> {
  const graph = await entityGraph(store);
  return Object.fromEntries(COLLECTION_NAMES.map((name) => {
    const key = COLLECTIONS[name].key;
    const keys = graph[name].map((row) =>
      key.map((k) => `${k}=${JSON.stringify(row[k])}`).join(' '));
    return [name, keys.sort()];
  })) as Record<CollectionName, string[]>;
}

/** Natural keys held by more than one entry, per collection (none: `{}`). */
export async function duplicateKeys(
  store: RecordStore,
): Promise<Partial<Record<CollectionName, string[]>>> {
  const graph = await entityGraph(store);
  const found: Partial<Record<CollectionName, string[]>> = {};
  for (const name of COLLECTION_NAMES) {
    const spec = COLLECTIONS[name];
    const seen = new Map<string, number>();
    for (const row of graph[name]) {
      const key = spec.key.map((k) => JSON.stringify(row[k])).join(' ');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const repeated = [...seen].filter(([, n]) => n > 1).map(([key]) => key);
    if (repeated.length > 0) found[name] = repeated;
  }
  return found;
}

/** Entries per collection. */
export function countsOf(graph: EntityGraph): Record<CollectionName, number> {
  return Object.fromEntries(
    COLLECTION_NAMES.map((name) => [name, graph[name].length]),
  ) as Record<CollectionName, number>;
}
