import type { Readable } from 'node:stream';

/** What the store knows of one object. */
export interface ObjectInfo {
  readonly key: string;
  readonly size: number;
}

/** What an object's body may be when writing it. */
export type ObjectBody = string | Uint8Array | Readable;

/**
 * Where files, chunks, outcomes and reports live. Keys are `/`-separated
 * paths such as `work/<fileId>/chunks/00001.json`.
 */
export interface ObjectStore {
  /** A name for logs and health checks, e.g. `fs:/data` or `s3://bucket`. */
  readonly description: string;
  /** The object's size, or `undefined` when there is none. */
  head(key: string): Promise<ObjectInfo | undefined>;
  /** Streams an object; throws `ObjectNotFoundError` when missing. */
  read(key: string): Promise<Readable>;
  /** Reads and parses a JSON object. */
  getJson<T>(key: string): Promise<T>;
  /** Writes an object, replacing any with the same key. */
  put(key: string, body: ObjectBody, contentType?: string): Promise<void>;
  /** Writes a value as JSON. */
  putJson(key: string, value: unknown): Promise<void>;
  /** Removes one object; no error when it is missing. */
  delete(key: string): Promise<void>;
  /** Removes every object whose key starts with `prefix`. */
  deletePrefix(prefix: string): Promise<void>;
}
