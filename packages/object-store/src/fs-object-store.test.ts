import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidKeyError, ObjectNotFoundError } from './errors.js';
import { FsObjectStore } from './fs-object-store.js';

let root: string;
let store: FsObjectStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'fs-object-store-'));
  store = new FsObjectStore(root);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every file below the root, as `/`-separated relative paths. */
async function files(): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

describe('FsObjectStore: writing and reading', () => {
  it('describes itself by its absolute root', () => {
    expect(store.description).toBe(`fs:${root}`);
  });

  it('writes text and streams it back', async () => {
    await store.put('uploads/a.csv', 'id,programa\n');
    expect(await text(await store.read('uploads/a.csv'))).toBe('id,programa\n');
    expect(await store.head('uploads/a.csv')).toEqual({
      key: 'uploads/a.csv', size: 12,
    });
  });

  it('writes bytes and streams', async () => {
    await store.put('b.bin', Uint8Array.from([1, 2, 3]));
    await store.put('c.txt', Readable.from([Buffer.from('uno '), Buffer.from('dos')]));
    expect(await store.head('b.bin')).toEqual({ key: 'b.bin', size: 3 });
    expect(await text(await store.read('c.txt'))).toBe('uno dos');
  });

  it('round-trips JSON', async () => {
    const value = { fileId: 'f-1', rows: [1, 2], name: 'Año' };
    await store.putJson('work/f-1/chunks/000001.json', value);
    expect(await store.getJson('work/f-1/chunks/000001.json')).toEqual(value);
  });

  it('replaces an object with the same key', async () => {
    await store.put('a.txt', 'first version');
    await store.put('a.txt', 'second');
    expect(await text(await store.read('a.txt'))).toBe('second');
    expect(await files()).toEqual(['a.txt']);
  });

  it('leaves nothing behind when a streamed write fails', async () => {
    await store.put('keep.txt', 'old');
    async function* failing() {
      yield Buffer.from('partial');
      throw new Error('upload interrupted');
    }
    await expect(store.put('keep.txt', Readable.from(failing())))
      .rejects.toThrow('upload interrupted');
    await expect(store.put('new.txt', Readable.from(failing())))
      .rejects.toThrow('upload interrupted');
    expect(await text(await store.read('keep.txt'))).toBe('old');
    expect(await store.head('new.txt')).toBeUndefined();
    expect(await files()).toEqual(['keep.txt']);
  });
});

describe('FsObjectStore: missing objects', () => {
  it('heads a missing object as undefined', async () => {
    expect(await store.head('nothing/here.csv')).toBeUndefined();
  });

  it('heads a folder as no object', async () => {
    await store.put('work/f-1/a.json', '{}');
    expect(await store.head('work/f-1')).toBeUndefined();
  });

  it('heads a key below a file as no object', async () => {
    await store.put('a.txt', 'x');
    expect(await store.head('a.txt/b')).toBeUndefined();
  });

  it('refuses to read a missing object, naming key and store', async () => {
    await expect(store.read('uploads/none.csv')).rejects.toThrow(
      new ObjectNotFoundError('uploads/none.csv', `fs:${root}`));
    await expect(store.read('uploads/none.csv')).rejects.toThrow(
      `no object 'uploads/none.csv' in fs:${root}`);
  });

  it('refuses to parse a missing object', async () => {
    await expect(store.getJson('work/none.json')).rejects.toBeInstanceOf(
      ObjectNotFoundError);
  });
});

describe('FsObjectStore: deleting', () => {
  it('deletes one object, and a missing one without error', async () => {
    await store.put('a.txt', 'x');
    await store.delete('a.txt');
    await store.delete('a.txt');
    expect(await store.head('a.txt')).toBeUndefined();
  });

  it('deletes everything under a folder prefix', async () => {
    await store.put('work/f-1/chunks/000001.json', '{}');
    await store.put('work/f-1/outcomes/000001.json', '{}');
    await store.put('work/f-10/chunks/000001.json', '{}');
    await store.put('reports/f-1.csv', 'x');
    await store.deletePrefix('work/f-1/');
    expect(await files()).toEqual([
      'reports/f-1.csv', 'work/f-10/chunks/000001.json',
    ]);
  });

  it('deletes every key starting with a prefix, as S3 does', async () => {
    await store.put('work/f-1/a.json', '{}');
    await store.put('work/f-10/a.json', '{}');
    await store.put('work/f-1.json', '{}');
    await store.put('work/g-1/a.json', '{}');
    await store.put('top.txt', 'x');
    await store.deletePrefix('work/f-1');
    expect(await files()).toEqual(['top.txt', 'work/g-1/a.json']);
    await store.deletePrefix('to');
    expect(await files()).toEqual(['work/g-1/a.json']);
  });

  it('deletes nothing for a prefix that matches nothing', async () => {
    await store.put('a.txt', 'x');
    await store.deletePrefix('work/none/');
    await store.deletePrefix('work/none');
    expect(await files()).toEqual(['a.txt']);
  });

  it('refuses the empty prefix instead of deleting everything', async () => {
    await store.put('a.txt', 'x');
    await expect(store.deletePrefix('')).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(store.deletePrefix('/')).rejects.toBeInstanceOf(InvalidKeyError);
    expect(await files()).toEqual(['a.txt']);
  });
});

describe('FsObjectStore: keys', () => {
  const BAD = ['../outside.txt', 'a/../../outside.txt', 'a/..', '..',
    '/etc/passwd', 'a//b', 'a/', '', '.'];

  it.each(BAD)('refuses the key %j', (key) => {
    expect(() => store.pathOf(key)).toThrow(InvalidKeyError);
  });

  it('refuses .. in every operation and writes nothing outside', async () => {
    const key = '../escaped.txt';
    await expect(store.put(key, 'x')).rejects.toThrow(
      "invalid object key '../escaped.txt': use '/'-separated names without '..'");
    await expect(store.putJson(key, {})).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(store.read(key)).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(store.head(key)).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(store.getJson(key)).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(store.delete(key)).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(store.deletePrefix('../')).rejects.toBeInstanceOf(InvalidKeyError);
    await expect(store.deletePrefix('work/..')).rejects.toBeInstanceOf(
      InvalidKeyError);
    expect(await readdir(join(root, '..'))).not.toContain('escaped.txt');
  });

  it('keeps a key with dots inside names', async () => {
    expect(store.pathOf('work/f.1/..a.json')).toBe(join(root, 'work/f.1/..a.json'));
  });

  it('does not follow a key into a file written directly', async () => {
    await writeFile(join(root, 'plain.txt'), 'hola');
    expect(await store.head('plain.txt')).toEqual({ key: 'plain.txt', size: 4 });
  });
});
