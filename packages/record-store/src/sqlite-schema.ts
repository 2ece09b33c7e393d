import {
  COLLECTIONS,
  COLLECTION_NAMES,
  type CollectionName,
  type CollectionSpec,
} from '@apilados/domain';

/** The SQLite table of a collection, e.g. `correo_participantes`. */
export function tableOf(collection: CollectionName): string {
  return collection.replace(/-/g, '_');
}

/** The join table of a to-many relation. */
export function joinTableOf(collection: CollectionName, field: string): string {
  return `${tableOf(collection)}__${field}`;
}

/** Plain and to-one fields: the table's own columns. */
export function columnsOf(spec: CollectionSpec): string[] {
  return Object.entries(spec.fields)
    .filter(([, f]) => f.kind === 'scalar' || !f.many)
    .map(([name]) => name);
}

/** To-many fields, stored in join tables. */
export function manyFieldsOf(spec: CollectionSpec): string[] {
  return Object.entries(spec.fields)
    .filter(([, f]) => f.kind === 'relation' && f.many)
    .map(([name]) => name);
}

const SQL_TYPES = {
  string: 'TEXT',
  integer: 'INTEGER',
  decimal: 'REAL',
  boolean: 'INTEGER',
} as const;

/** DDL creating one table per collection, natural keys unique. */
export function schemaSql(): string {
  const statements: string[] = [];
  for (const name of COLLECTION_NAMES) {
    const spec = COLLECTIONS[name];
    const table = tableOf(name);
    const columns = columnsOf(spec).map((column) => {
      const field = spec.fields[column]!;
      return field.kind === 'scalar'
        ? `"${column}" ${SQL_TYPES[field.type]}`
        : `"${column}" INTEGER REFERENCES ${tableOf(field.target)}(id)`;
    });
    const key = spec.key.map((k) => `"${k}"`).join(', ');
    statements.push(
      `CREATE TABLE IF NOT EXISTS ${table} (\n` +
        `  id INTEGER PRIMARY KEY,\n  ${columns.join(',\n  ')},\n` +
        `  UNIQUE (${key})\n);`,
    );
    for (const field of manyFieldsOf(spec)) {
      const target = spec.fields[field]!;
      if (target.kind !== 'relation') continue;
      statements.push(
        `CREATE TABLE IF NOT EXISTS ${joinTableOf(name, field)} (\n` +
          `  owner_id INTEGER NOT NULL REFERENCES ${table}(id),\n` +
          `  target_id INTEGER NOT NULL REFERENCES ${tableOf(target.target)}(id),\n` +
          `  PRIMARY KEY (owner_id, target_id)\n) WITHOUT ROWID;`,
      );
    }
  }
  return statements.join('\n');
}
