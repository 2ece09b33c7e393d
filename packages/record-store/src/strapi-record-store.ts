import { LRUCache } from 'lru-cache';
import {
  COLLECTIONS,
  type CollectionName,
  type Fields,
} from '@apilados/domain';
import {
  CmsRequestError,
  StoreUnavailableError,
  UnknownFieldError,
} from './errors.js';
import type {
  EnsureOutcome,
  RecordStore,
  StoreStats,
  StoredEntry,
} from './record-store.js';
import { fromStrapi, keyOf, normaliseValue, toStrapi } from './strapi-entry.js';
import { StrapiHttp, describeAnswer, type HttpAnswer } from './strapi-http.js';
import { LOOKUP_FIELD } from './strapi-lookup-field.js';
import type { StrapiRecordStoreOptions } from './strapi-options.js';
import {
  MAX_PAGE_SIZE,
  eqFilter,
  inBatches,
  inFilter,
  pageOf,
  queryString,
  rangeFilter,
  selectFields,
  type QueryParam,
} from './strapi-query.js';
import { ReadAhead } from './strapi-read-ahead.js';

/** Refusals that concern one entry, not the whole request. */
const ENTRY_REFUSALS = new Set([400, 409, 413, 422]);

/** How long a `findBy` listing stands in for an existence lookup. */
const LISTING_TTL_MS = 5_000;

type Value = string | number;

/**
 * The record store of the Strapi 5 CMS, over its REST API.
 *
 * `ensure` looks up which drafts exist with `$in` requests on the key's
 * most selective field (at most 100 values each, paged), matches the full
 * natural key on the client, and creates only the missing entries. Ids
 * found or created are remembered for a while, so a load asks about each
 * program, implementation and module once. When lookups on a link field
 * keep finding their drafts (a file loaded again), close ids are read
 * ahead as one range of about a page (`ReadAhead`), so that most batches
 * of such a load need no lookup at all. Writers sharing one store never
 * create the same key twice: a key is created by one of them at a time and
 * the others wait for its id.
 *
 * @example
 * const store = new StrapiRecordStore({ baseUrl, token });
 * const [outcome] = await store.ensure('programas', [{ nombre: 'Lectura' }]);
 */
export class StrapiRecordStore implements RecordStore {
  readonly description: string;
  private readonly http: StrapiHttp;
  private readonly omitGet: boolean;
  private readonly pageSize: number;
  /** `collection␞natural key` → id of entries found or created. */
  private readonly known: LRUCache<string, number>;
  /** Creations in flight by `collection␞natural key`. */
  private readonly creating = new Map<string, Promise<EnsureOutcome>>();
  /** `collection␞field␞value` whose entries a `findBy` just listed. */
  private readonly listed: LRUCache<string, true>;
  /** Ranges read ahead on link fields, and how lookups went. */
  private readonly ahead: ReadAhead;

  constructor(options: StrapiRecordStoreOptions) {
    this.http = new StrapiHttp({
      ...options,
      baseUrl: options.baseUrl.replace(/\/+$/, '').replace(/\/api$/, ''),
    });
    this.description = this.http.description;
    this.omitGet = options.omitGet ?? false;
    this.pageSize = options.pageSize ?? MAX_PAGE_SIZE;
    this.known = new LRUCache({
      max: options.cacheEntries ?? 200_000,
      ttl: options.cacheTtlMs ?? 15 * 60_000,
    });
    this.listed = new LRUCache({ max: 100_000, ttl: LISTING_TTL_MS });
    this.ahead = new ReadAhead(this.pageSize, LISTING_TTL_MS);
  }

  /**
   * See `RecordStore.ensure`. A request that fails as a whole (auth,
   * retries exhausted, breaker open) rejects once every draft has settled;
   * an entry the CMS refuses (e.g. a 400) is that draft's failure.
   *
   * Limitation: Strapi keeps single-field keys unique
   * (`participantes.id_externo`, `programas.nombre`) but cannot do so for
   * compound keys (e.g. participante + implementacion), so two processes
   * loading the same new entries at the same moment may both create them.
   * Within one store this cannot happen. A unique column holding the
   * natural key in each CMS collection, or a lock per key shared by the
   * processes (e.g. a DynamoDB conditional write), would close the gap.
   */
  async ensure(
    collection: CollectionName,
    drafts: readonly Fields[],
  ): Promise<EnsureOutcome[]> {
    const keys = drafts.map((d) => cacheKey(collection, keyOf(collection, d)));
    const unknown = drafts.filter((_, i) =>
      this.known.get(keys[i]!) === undefined && !this.creating.has(keys[i]!));
    if (unknown.length > 0 && !this.omitGet) {
      await this.lookUp(collection, unknown);
    }

    const settled = await Promise.allSettled(
      drafts.map((draft, i) => this.settle(collection, draft, keys[i]!)),
    );
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    return settled.map((s) =>
      (s as PromiseFulfilledResult<EnsureOutcome>).value);
  }

  async findBy(
    collection: CollectionName,
    field: string,
    values: readonly Value[],
  ): Promise<StoredEntry[]> {
    const spec = COLLECTIONS[collection];
    const fieldSpec = spec.fields[field];
    if (!fieldSpec) throw new UnknownFieldError(collection, field);
    const wanted = [...new Set(values)];
    const relation = fieldSpec.kind === 'relation';
    const select = selectFields(spec, Object.keys(spec.fields));
    const ahead = relation && field === LOOKUP_FIELD[collection] &&
      wanted.every((value) => typeof value === 'number');
    const held = ahead
      ? this.ahead.held(collection, wanted as number[])
      : undefined;
    if (held) return held;

    const plan: { range?: readonly [number, number]; ids: Value[] } = ahead
      ? this.ahead.plan(collection, wanted as number[])
      : { ids: wanted };
    const filters = planFilters(field, relation, plan);
    const mark = this.ahead.mark();
    const lists = await Promise.all(filters.map((filter) =>
      this.fetchAll(collection, [...filter, ...select])));
    const entries = lists.flat();
    for (const entry of entries) this.remember(collection, entry);
    for (const value of wanted) {
      this.listed.set(listingKey(collection, field, value), true);
    }
    if (!ahead) return entries;

    const linked = entries.flatMap((entry) => {
      const link = entry.fields[field];
      return typeof link === 'number' ? [{ link, entry }] : [];
    });
    if (plan.range) {
      const [lo, hi] = plan.range;
      this.ahead.listed(collection, lo, hi,
        linked.filter(({ link }) => lo <= link && link <= hi), mark);
    }
    for (const id of plan.ids as number[]) {
      this.ahead.listed(collection, id, id,
        linked.filter(({ link }) => link === id), mark);
    }
    const links = new Set(linked.map(({ link }) => link));
    const asked = new Set<Value>(wanted);
    this.ahead.learn(collection, {
      drafts: wanted.length,
      found: wanted.filter((id) => links.has(id as number)).length,
      entries: entries.length,
      linked: links.size,
    });
    return entries.filter((entry) => asked.has(entry.fields[field] as Value));
  }

  async list(collection: CollectionName): Promise<StoredEntry[]> {
    const spec = COLLECTIONS[collection];
    return this.fetchAll(collection, selectFields(spec, Object.keys(spec.fields)));
  }

  /** How many entries a collection holds (one request). */
  async countOf(collection: CollectionName): Promise<number> {
    const body = await this.http.get(`/api/${collection}`, queryString([
      ['fields[0]', 'id'],
      ['pagination[pageSize]', 1],
    ]));
    const total = (body as { meta?: { pagination?: { total?: unknown } } })
      ?.meta?.pagination?.total;
    if (typeof total === 'number') return total;
    throw unexpected('GET', `/api/${collection}`, 'no pagination total');
  }

  async ping(): Promise<void> {
    try {
      await this.http.get('/api/encuestas', queryString([
        ['fields[0]', 'id'],
        ['pagination[pageSize]', 1],
      ]));
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      throw new StoreUnavailableError(this.description, (error as Error).message);
    }
  }

  stats(): StoreStats {
    return { requests: this.http.requests };
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.creating.values()]);
    this.known.clear();
    this.listed.clear();
    this.ahead.clear();
  }

  /**
   * Asks which drafts exist, on the collection's lookup field, and
   * remembers the ids of every entry the answers hold. Drafts whose lookup
   * value a `findBy` listed, or a range read ahead covered, moments ago
   * need no request. On a link field, once lookups find nearly every
   * draft, close ids are asked as one range reaching past them (see
   * `ReadAhead`).
   */
  private async lookUp(collection: CollectionName, drafts: readonly Fields[]) {
    const spec = COLLECTIONS[collection];
    const field = LOOKUP_FIELD[collection];
    const fieldSpec = spec.fields[field]!;
    const relation = fieldSpec.kind === 'relation';
    const values = new Set<Value>();
    let nulls = false;
    for (const draft of drafts) {
      const value = normaliseValue(fieldSpec, draft[field]) as Value | null;
      if (value === null) nulls = true;
      else if (!this.listed.has(listingKey(collection, field, value)) &&
        !(relation && this.ahead.has(collection, value as number))) {
        values.add(value);
      }
    }
    if (values.size === 0 && !nulls) return;

    const plan: { range?: readonly [number, number]; ids: Value[] } = relation
      ? this.ahead.plan(collection, [...values] as number[])
      : { ids: [...values] };
    const select = selectFields(spec, spec.key);
    const filters = planFilters(field, relation, plan);
    if (nulls) filters.push(eqFilter(field, relation, null));
    const lists = await Promise.all(filters.map((filter) =>
      this.fetchAll(collection, [...filter, ...select], spec.key)));
    const entries = lists.flat();
    for (const entry of entries) this.remember(collection, entry);
    if (plan.range) this.ahead.listed(collection, plan.range[0], plan.range[1]);
    if (relation) {
      const found = drafts.filter((d) =>
        this.known.has(cacheKey(collection, keyOf(collection, d)))).length;
      const linked = new Set(entries.map((e) => e.fields[field])).size;
      this.ahead.learn(collection,
        { drafts: drafts.length, found, entries: entries.length, linked });
    }
  }

  /** A draft's id: remembered, being created by another writer, or new. */
  private async settle(
    collection: CollectionName,
    draft: Fields,
    key: string,
  ): Promise<EnsureOutcome> {
    const id = this.known.get(key);
    if (id !== undefined) return { ok: true, id, created: false };
    const inFlight = this.creating.get(key);
    if (inFlight) {
      const outcome = await inFlight;
      return outcome.ok ? { ...outcome, created: false } : outcome;
    }

    const creation = this.create(collection, draft, key);
    this.creating.set(key, creation);
    try {
      return await creation;
    } finally {
      this.creating.delete(key);
    }
  }

  private async create(
    collection: CollectionName,
    draft: Fields,
    key: string,
  ): Promise<EnsureOutcome> {
    const path = `/api/${collection}`;
    const data = toStrapi(COLLECTIONS[collection], draft);
    // Limitation: a create whose answer was lost is looked for before it
    // is sent again, but if the CMS applies the first one only after that
    // look-up (still queued when the timeout fired), a compound key ends up
    // twice. A unique natural-key column in the CMS, or idempotency keys
    // honoured by it, would make the second send safe.
    const answer = await this.http.post(path, { data },
      () => this.findOne(collection, draft));

    if ('recovered' in answer) {
      return this.created(collection, draft, key, answer.recovered);
    }
    if (answer.status >= 200 && answer.status < 300) {
      const body = answer.body as { data?: { id?: unknown } } | undefined;
      const id = body?.data?.id;
      if (typeof id !== 'number') throw unexpected('POST', path, 'no entry id');
      return this.created(collection, draft, key, id);
    }
    if (isUniqueViolation(answer)) {
      const found = await this.findOne(collection, draft);
      if (found !== undefined) {
        // Another writer created it after any listing this store keeps.
        this.ahead.forget(collection);
        this.known.set(key, found);
        return { ok: true, id: found, created: false };
      }
    }
    if (ENTRY_REFUSALS.has(answer.status)) {
      const hint = /api::cct\.cct/.test(describeAnswer(answer))
        ? ' (is the CCT catalogue given with --ccts this CMS\'s own export?)'
        : '';
      return { ok: false, reason: `${collection}: ${describeAnswer(answer)}${hint}` };
    }
    throw new CmsRequestError('POST', path, answer.status,
      describeAnswer(answer), 1);
  }

  /**
   * Remembers the id of an entry this store created, and adds the entry
   * to the ranges read ahead that hold its link, so that a later `findBy`
   * there sees it.
   */
  private created(
    collection: CollectionName,
    draft: Fields,
    key: string,
    id: number,
  ): EnsureOutcome {
    this.known.set(key, id);
    const spec = COLLECTIONS[collection];
    const field = LOOKUP_FIELD[collection];
    const link = normaliseValue(spec.fields[field]!, draft[field]);
    if (typeof link === 'number' && spec.fields[field]!.kind === 'relation') {
      // The draft reads as the entry the CMS would answer with.
      this.ahead.add(collection, { link, entry: fromStrapi(spec, { ...draft, id })! });
    }
    return { ok: true, id, created: true };
  }

  /** The id of the entry with the draft's exact key, if there is one. */
  private async findOne(
    collection: CollectionName,
    draft: Fields,
  ): Promise<number | undefined> {
    const spec = COLLECTIONS[collection];
    const params: QueryParam[] = [];
    for (const name of spec.key) {
      const field = spec.fields[name]!;
      const value = normaliseValue(field, draft[name]) as Value | null;
      params.push(...eqFilter(name, field.kind === 'relation', value));
    }
    const entries = await this.fetchAll(collection,
      [...params, ...selectFields(spec, spec.key)], spec.key);
    for (const entry of entries) this.remember(collection, entry);
    return this.known.get(cacheKey(collection, keyOf(collection, draft)));
  }

  private remember(collection: CollectionName, entry: StoredEntry): void {
    const key = cacheKey(collection, keyOf(collection, entry.fields));
    const current = this.known.get(key);
    if (current === undefined || entry.id < current) {
      this.known.set(key, entry.id);
    }
  }

  /** Every entry matching `params`, page by page, in id order. */
  private async fetchAll(
    collection: CollectionName,
    params: readonly QueryParam[],
    names?: readonly string[],
  ): Promise<StoredEntry[]> {
    const spec = COLLECTIONS[collection];
    const path = `/api/${collection}`;
    const entries: StoredEntry[] = [];
    for (let page = 1; ; page++) {
      const body = await this.http.get(path,
        queryString([...params, ...pageOf(page, this.pageSize)]));
      const { data, pageSize } = readPage(body, path, this.pageSize);
      let lastId = entries.at(-1)?.id ?? 0;
      for (const raw of data) {
        const entry = fromStrapi(spec, raw, names);
        if (!entry) throw unexpected('GET', path, 'an entry without an id');
        if (entry.id <= lastId) {
          throw unexpected('GET', path, 'pages out of id order');
        }
        lastId = entry.id;
        entries.push(entry);
      }
      if (data.length < pageSize) return entries;
    }
  }
}

function cacheKey(collection: CollectionName, key: string): string {
  return `${collection}\u001e${key}`;
}

function listingKey(
  collection: CollectionName,
  field: string,
  value: Value,
): string {
  return `${collection}\u001e${field}\u001e${typeof value}:${value}`;
}

function readPage(
  body: unknown,
  path: string,
  asked: number,
): { data: unknown[]; pageSize: number } {
  const page = body as {
    data?: unknown;
    meta?: { pagination?: { pageSize?: unknown } };
  };
  if (!Array.isArray(page?.data)) throw unexpected('GET', path, 'no data list');
  const size = page.meta?.pagination?.pageSize;
  return {
    data: page.data,
    pageSize: typeof size === 'number' && size > 0 ? size : asked,
  };
}

function isUniqueViolation(answer: HttpAnswer): boolean {
  if (answer.status !== 400) return false;
  return JSON.stringify(answer.body ?? '').includes('must be unique');
}

function unexpected(method: string, path: string, what: string): CmsRequestError {
  return new CmsRequestError(method, path, 200, `unexpected answer: ${what}`, 1);
}

/** The filters of a lookup plan: `$in` lists of its ids, then its range. */
function planFilters(
  field: string,
  relation: boolean,
  plan: { readonly range?: readonly [number, number]; readonly ids: readonly Value[] },
): QueryParam[][] {
  const filters = inBatches<Value>(plan.ids)
    .map((batch) => inFilter(field, relation, batch));
  if (plan.range) {
    filters.push(rangeFilter(field, relation, plan.range[0], plan.range[1]));
  }
  return filters;
}
