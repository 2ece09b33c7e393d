import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import {
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InvalidKeyError, ObjectNotFoundError } from './errors.js';
import type { ObjectBody, ObjectInfo, ObjectStore } from './object-store.js';

/**
 * An object store on the local filesystem: each key is a file below `root`.
 * Like S3, a write is all or nothing: it goes to a temporary file that
 * replaces the object only once complete.
 *
 * @example const store = new FsObjectStore('.apilados/objects');
 */
export class FsObjectStore implements ObjectStore {
  readonly root: string;
  readonly description: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.description = `fs:${this.root}`;
  }

  /** The filesystem path of `key`. */
  pathOf(key: string): string {
    if (key.split('/').some((part) => part === '..' || part === '')) {
      throw new InvalidKeyError(key);
    }
    const path = join(this.root, ...key.split('/'));
    if (!path.startsWith(this.root + sep)) throw new InvalidKeyError(key);
    return path;
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? { key, size: info.size } : undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async read(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    if (!(await this.head(key))) {
      throw new ObjectNotFoundError(key, this.description);
    }
    return createReadStream(path, { highWaterMark: 256 * 1024 });
  }

  async getJson<T>(key: string): Promise<T> {
    try {
      return JSON.parse(await readFile(this.pathOf(key), 'utf8')) as T;
    } catch (error) {
      if (isMissing(error)) throw new ObjectNotFoundError(key, this.description);
      throw error;
    }
  }

  async put(key: string, body: ObjectBody): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = join(dirname(path), `.${basename(path)}.${randomUUID()}.part`);
    try {
      if (body instanceof Readable) {
        await pipeline(body, createWriteStream(partial));
      } else {
        await writeFile(partial, body);
      }
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async putJson(key: string, value: unknown): Promise<void> {
    await this.put(key, JSON.stringify(value));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /**
   * Removes every object whose key starts with `prefix`, as S3 does:
   * `work/ab` removes `work/ab`, `work/abc` and `work/ab/x`.
   */
  async deletePrefix(prefix: string): Promise<void> {
    const trimmed = prefix.replace(/\/+$/, '');
    if (trimmed === '' || prefix.split('/').includes('..')) {
      throw new InvalidKeyError(prefix);
    }
    if (trimmed !== prefix) {
      await rm(this.pathOf(trimmed), { recursive: true, force: true });
      return;
    }
    const slash = prefix.lastIndexOf('/');
    const dir = slash < 0 ? this.root : this.pathOf(prefix.slice(0, slash));
    const start = prefix.slice(slash + 1);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    await Promise.all(
      names
        .filter((name) => name.startsWith(start))
        .map((name) => rm(join(dir, name), { recursive: true, force: true })),
    );
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
