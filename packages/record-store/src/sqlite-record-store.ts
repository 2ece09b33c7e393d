import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  COLLECTIONS,
  SURVEY_KEYS,

  type CollectionName,
  type CollectionSpec,
  type FieldValue,
  type Fields,
} from '@apilados/domain';
import { StoreUnavailableError, UnknownFieldError } from './errors.js';
import type {
  EnsureOutcome,
  RecordStore,
  StoreStats,
  StoredEntry,
} from './record-store.js';
import {
  columnsOf,
  joinTableOf,
  manyFieldsOf,
  schemaSql,
  tableOf,
} from './sqlite-schema.js';

type Row = Record<string, unknown> & { id: number };

interface Statements {
  readonly insert: Database.Statement;
  readonly select: Database.Statement;
  readonly link: Map<string, Database.Statement>;
  readonly columns: string[];
  readonly many: string[];
}

/**
 * The embedded record store: one SQLite table per CMS collection with the
 * natural key as a unique constraint, so get-or-create is exact even when
 * two loads run at once.
 *
 * @example const store = SqliteRecordStore.open('.apilados/apilados.db');
 */
export class SqliteRecordStore implements RecordStore {
  readonly description: string;
  private readonly statements = new Map<CollectionName, Statements>();
  private readonly finders = new Map<string, Database.Statement>();
  /** Runs a write in a savepoint (its own transaction when none is open). */
  private readonly inSavepoint: (write: () => EnsureOutcome) => EnsureOutcome;

  private constructor(
    private readonly db: Database.Database,
    readonly path: string,
  ) {
    this.description = `sqlite:${path}`;
    this.inSavepoint = db.transaction((write: () => EnsureOutcome) => write());
  }

  /** Opens (creating if needed) the database at `path`. */
  static open(path: string): SqliteRecordStore {
    let db: Database.Database;
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      db = new Database(path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 10000');
      db.exec(schemaSql());
      seedSurveys(db);
    } catch (error) {
      throw new StoreUnavailableError(`sqlite:${path}`, String(error));
    }
    return new SqliteRecordStore(db, path);
  }

  async ensure(
    collection: CollectionName,
    drafts: readonly Fields[],
  ): Promise<EnsureOutcome[]> {
    const s = this.prepare(collection);
    this.joinGroupCommit();
    return drafts.map((draft) => this.ensureOne(collection, s, draft));
  }

  /**
   * Writes join one transaction that commits once the current turn of the
   * event loop is over: a chunk's batches, written back to back, share one
   * commit instead of paying one per collection per batch.
   */
  private joinGroupCommit(): void {
    if (this.db.inTransaction) return;
    this.db.exec('BEGIN IMMEDIATE');
    setImmediate(() => this.commit());
  }

  private commit(): void {
    if (this.db.open && this.db.inTransaction) this.db.exec('COMMIT');
  }

  private ensureOne(
    collection: CollectionName,
    s: Statements,
    draft: Fields,
  ): EnsureOutcome {
    // SQLite lets rows whose key holds a NULL repeat: refuse them, or a
    // second load would duplicate the entry.
    const empty = COLLECTIONS[collection].key.find((k) => draft[k] == null);
    if (empty !== undefined) {
      return { ok: false, reason: `${collection}: key field '${empty}' is empty` };
    }
    try {
      // An entry with links is written in a savepoint, so that a link that
      // fails takes the entry with it instead of leaving it half linked.
      return s.many.length > 0
        ? this.inSavepoint(() => this.insertOrFind(collection, s, draft))
        : this.insertOrFind(collection, s, draft);
    } catch (error) {
      return { ok: false, reason: `${collection}: ${(error as Error).message}` };
    }
  }

  private insertOrFind(
    collection: CollectionName,
    s: Statements,
    draft: Fields,
  ): EnsureOutcome {
    const values = s.columns.map((c) => toSql(draft[c]));
    const inserted = s.insert.run(values);
    if (inserted.changes === 1) {
      const id = Number(inserted.lastInsertRowid);
      this.link(s, id, draft);
      return { ok: true, id, created: true };
    }
    const key = COLLECTIONS[collection].key.map((k) => toSql(draft[k]));
    const found = s.select.get(key) as { id: number } | undefined;
    if (found) return { ok: true, id: found.id, created: false };
    return { ok: false, reason: `${collection} entry vanished after a conflict` };
  }

  private link(s: Statements, owner: number, draft: Fields): void {
    for (const field of s.many) {
      const targets = draft[field];
      if (!Array.isArray(targets)) continue;
      for (const target of targets) s.link.get(field)!.run(owner, target);
    }
  }

  async findBy(
    collection: CollectionName,
    field: string,
    values: readonly (string | number)[],
  ): Promise<StoredEntry[]> {
    const spec = COLLECTIONS[collection];
    const column = Object.hasOwn(spec.fields, field) ? spec.fields[field] : undefined;
    if (!column || (column.kind === 'relation' && column.many)) {
      throw new UnknownFieldError(collection, field);
    }
    // Each value once, or a value asked for in two slices finds its entry twice.
    const unique = [...new Set(values)];
    const out: StoredEntry[] = [];
    for (let i = 0; i < unique.length; i += 500) {
      const slice = unique.slice(i, i + 500);
      const rows = this.finder(collection, field, slice.length).all(slice) as Row[];
      for (const row of rows) out.push(this.toEntry(spec, row));
    }
    return out;
  }

  async list(collection: CollectionName): Promise<StoredEntry[]> {
    const spec = COLLECTIONS[collection];
    const rows = this.db
      .prepare(`SELECT * FROM ${tableOf(collection)} ORDER BY id`)
      .all() as Row[];
    return rows.map((row) => this.toEntry(spec, row));
  }

  /**
   * Adds catalogue entries with their CMS ids (e.g. the CCT export), so
   * links to them are valid; existing ids are kept.
   */
  importCatalogue(
    collection: 'ccts' | 'encuestas',
    entries: Iterable<{ id: number; clave: string }>,
  ): number {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO ${tableOf(collection)} (id, clave) VALUES (?, ?)`,
    );
    const run = this.db.transaction(() => {
      let added = 0;
      for (const e of entries) added += insert.run(e.id, e.clave).changes;
      return added;
    });
    return run();
  }

  /** How many entries a collection holds. */
  countOf(collection: CollectionName): number {
    const row = this.db
      .prepare(`SELECT count(*) AS n FROM ${tableOf(collection)}`)
      .get() as { n: number };
    return row.n;
  }

  async ping(): Promise<void> {
    try {
      this.db.prepare('SELECT 1').get();
    } catch (error) {
      throw new StoreUnavailableError(this.description, String(error));
    }
  }

  stats(): StoreStats {
    return { requests: 0 };
  }

  async close(): Promise<void> {
    this.commit();
    if (this.db.open) this.db.close();
  }

  private prepare(collection: CollectionName): Statements {
    const cached = this.statements.get(collection);
    if (cached) return cached;

    const spec = COLLECTIONS[collection];
    const table = tableOf(collection);
    const columns = columnsOf(spec);
    const quoted = columns.map((c) => `"${c}"`).join(', ');
    const marks = columns.map(() => '?').join(', ');
    const keyWhere = spec.key.map((k) => `"${k}" IS ?`).join(' AND ');
    const many = manyFieldsOf(spec);
    const statements: Statements = {
      insert: this.db.prepare(
        `INSERT INTO ${table} (${quoted}) VALUES (${marks}) ` +
          `ON CONFLICT DO NOTHING`,
      ),
      select: this.db.prepare(`SELECT id FROM ${table} WHERE ${keyWhere}`),
      link: new Map(
        many.map((field) => [
          field,
          this.db.prepare(
            `INSERT OR IGNORE INTO ${joinTableOf(collection, field)} ` +
              `(owner_id, target_id) VALUES (?, ?)`,
          ),
        ]),
      ),
      columns,
      many,
    };
    this.statements.set(collection, statements);
    return statements;
  }

  private finder(
    collection: CollectionName,
    field: string,
    count: number,
  ): Database.Statement {
    const id = `${collection}|${field}|${count}`;
    let statement = this.finders.get(id);
    if (!statement) {
      const marks = new Array(count).fill('?').join(', ');
      statement = this.db.prepare(
        `SELECT * FROM ${tableOf(collection)} WHERE "${field}" IN (${marks})`,
      );
      this.finders.set(id, statement);
    }
    return statement;
  }

  private toEntry(spec: CollectionSpec, row: Row): StoredEntry {
    const fields: Record<string, FieldValue> = {};
    for (const [name, field] of Object.entries(spec.fields)) {
      if (field.kind === 'relation' && field.many) {
        fields[name] = this.linkedIds(spec.name, name, row.id);
      } else if (field.kind === 'scalar' && field.type === 'boolean') {
        fields[name] = row[name] === null ? null : row[name] === 1;
      } else {
        fields[name] = (row[name] ?? null) as FieldValue;
      }
    }
    return { id: row.id, fields };
  }

  private linkedIds(collection: CollectionName, field: string, owner: number) {
    const rows = this.db
      .prepare(
        `SELECT target_id FROM ${joinTableOf(collection, field)} ` +
          `WHERE owner_id = ? ORDER BY target_id`,
      )
      .all(owner) as { target_id: number }[];
    return rows.map((r) => r.target_id);
  }
}

function toSql(value: FieldValue | undefined): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** The embedded store stands in for the CMS, which holds both surveys. */
function seedSurveys(db: Database.Database): void {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO ${tableOf('encuestas')} (clave) VALUES (?)`,
  );
  for (const clave of SURVEY_KEYS) insert.run(clave);
}
