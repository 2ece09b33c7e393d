import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import {
  DeleteObjectsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startLocalS3,
  type LocalS3,
} from '../../../test/cloud/support/local-s3.js';
import { InvalidKeyError, ObjectNotFoundError } from './errors.js';
import { ObjectsNotDeletedError, S3ObjectStore } from './s3-object-store.js';

let s3: LocalS3;
let store: S3ObjectStore;

beforeAll(async () => {
  s3 = await startLocalS3(['apilados-data']);
  store = new S3ObjectStore({
    client: s3.client,
    bucket: 'apilados-data',
    partSize: 5 * 1024 * 1024,
  });
});
afterAll(async () => {
  await s3.stop();
});

const keysUnder = async (prefix: string) => {
  const page = await s3.client.send(
    new ListObjectsV2Command({ Bucket: 'apilados-data', Prefix: prefix }),
  );
  return (page.Contents ?? []).map((o) => o.Key);
};

describe('S3ObjectStore', () => {
  it('describes itself by bucket', () => {
    expect(store.description).toBe('s3://apilados-data');
  });

  it('writes a string and streams it back', async () => {
    await store.put('uploads/escuela.csv', 'id,nombre\nP-1,Ana\n', 'text/csv');

    const body = await text(await store.read('uploads/escuela.csv'));

    expect(body).toBe('id,nombre\nP-1,Ana\n');
  });

  it('writes JSON and parses it back', async () => {
    await store.putJson('work/f-1/chunks/000001.json', { chunk: 1, rows: [2, 3] });

    const value = await store.getJson('work/f-1/chunks/000001.json');

    expect(value).toEqual({ chunk: 1, rows: [2, 3] });
  });

  it('uploads a stream larger than one part in several parts', async () => {
    const part = Buffer.alloc(3 * 1024 * 1024, 'a');
    const body = Readable.from([part, part, part, Buffer.from('end')]);

    await store.put('reports/big.csv', body, 'text/csv');

    expect(await store.head('reports/big.csv')).toEqual({
      key: 'reports/big.csv',
      size: 9 * 1024 * 1024 + 3,
    });
  });

  it('tells the size of an object, and nothing for a missing one', async () => {
    await store.put('uploads/size.csv', Buffer.from('12345'));

    expect(await store.head('uploads/size.csv')).toEqual({ key: 'uploads/size.csv', size: 5 });
    expect(await store.head('uploads/missing.csv')).toBeUndefined();
  });

  it('throws ObjectNotFoundError naming the key and bucket', async () => {
    const reading = store.read('uploads/missing.csv');

    await expect(reading).rejects.toThrow(ObjectNotFoundError);
    await expect(reading).rejects.toThrow(
      "no object 'uploads/missing.csv' in s3://apilados-data",
    );
    await expect(store.getJson('work/none.json')).rejects.toThrow(ObjectNotFoundError);
  });

  it('deletes one object, and a missing one without error', async () => {
    await store.put('work/one.json', '{}');

    await store.delete('work/one.json');
    await store.delete('work/one.json');

    expect(await store.head('work/one.json')).toBeUndefined();
  });

  it('deletes the objects under a prefix and keeps the others', async () => {
    await store.put('work/f-2/chunks/000001.json', '{}');
    await store.put('work/f-3/chunks/000001.json', '{}');

    await store.deletePrefix('work/f-2/');

    expect(await keysUnder('work/f-2/')).toEqual([]);
    expect(await keysUnder('work/f-3/')).toEqual(['work/f-3/chunks/000001.json']);
  });

  it('refuses to delete with an empty prefix', async () => {
    await expect(store.deletePrefix('/')).rejects.toThrow(InvalidKeyError);
  });
});

// s3rver cannot page listings on OpenSSL 3 (its continuation tokens use
// DES), so paging is specified against a mocked client.

const listed = (keys: string[], next?: string) => ({
  Contents: keys.map((Key) => ({ Key })),
  IsTruncated: next !== undefined,
  NextContinuationToken: next,
});

describe('S3ObjectStore.deletePrefix over several pages', () => {
  it('deletes each listed page with one DeleteObjects call', async () => {
    const client = new S3Client({ region: 'us-east-1' });
    const s3 = mockClient(client);
    s3.on(ListObjectsV2Command, { ContinuationToken: undefined })
      .resolves(listed(['work/f/a', 'work/f/b'], 'page-2'));
    s3.on(ListObjectsV2Command, { ContinuationToken: 'page-2' })
      .resolves(listed(['work/f/c']));
    s3.on(DeleteObjectsCommand).resolves({});
    const store = new S3ObjectStore({ client, bucket: 'data-bucket', listPageSize: 2 });

    await store.deletePrefix('work/f/');

    const lists = s3.commandCalls(ListObjectsV2Command).map((c) => c.args[0].input);
    expect(lists).toEqual([
      { Bucket: 'data-bucket', Prefix: 'work/f/', MaxKeys: 2, ContinuationToken: undefined },
      { Bucket: 'data-bucket', Prefix: 'work/f/', MaxKeys: 2, ContinuationToken: 'page-2' },
    ]);
    const deletes = s3.commandCalls(DeleteObjectsCommand)
      .map((c) => c.args[0].input.Delete?.Objects?.map((o) => o.Key));
    expect(deletes).toEqual([['work/f/a', 'work/f/b'], ['work/f/c']]);
  });

  it('throws ObjectsNotDeletedError naming the keys S3 refused', async () => {
    const client = new S3Client({ region: 'us-east-1' });
    const s3 = mockClient(client);
    s3.on(ListObjectsV2Command).resolves(listed(['work/f/a', 'work/f/b']));
    s3.on(DeleteObjectsCommand).resolves({
      Errors: [{ Key: 'work/f/b', Code: 'AccessDenied', Message: 'Access Denied' }],
    });
    const store = new S3ObjectStore({ client, bucket: 'data-bucket' });

    const deleting = store.deletePrefix('work/f/');

    await expect(deleting).rejects.toThrow(ObjectsNotDeletedError);
    await expect(deleting).rejects.toThrow(
      "1 object(s) under 'work/f/' in s3://data-bucket were not deleted, " +
        "e.g. 'work/f/b': AccessDenied: Access Denied",
    );
  });
});
