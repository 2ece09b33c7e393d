import { Readable } from 'node:stream';
import type { ReadableStream as WebStream } from 'node:stream/web';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { InvalidKeyError, ObjectNotFoundError } from './errors.js';
import type { ObjectBody, ObjectInfo, ObjectStore } from './object-store.js';

/** Options of the S3 object store. */
export interface S3ObjectStoreOptions {
  readonly client: S3Client;
  readonly bucket: string;
  /** Bytes per part of a streamed upload (default 8 MiB, minimum 5 MiB). */
  readonly partSize?: number;
  /** Parts of one streamed upload sent at once (default 4). */
  readonly queueSize?: number;
  /** Keys listed, then deleted together, per page (default and most 1000). */
  readonly listPageSize?: number;
}

/** Thrown when S3 refuses to delete some objects under a prefix. */
export class ObjectsNotDeletedError extends Error {
  override readonly name = 'ObjectsNotDeletedError';

  constructor(
    readonly prefix: string,
    readonly store: string,
    readonly failures: { key: string; reason: string }[],
  ) {
    const first = failures[0];
    super(
      `${failures.length} object(s) under '${prefix}' in ${store} were not ` +
        `deleted` + (first ? `, e.g. '${first.key}': ${first.reason}` : ''),
    );
  }
}

const MIB = 1024 * 1024;

/**
 * An object store on one S3 bucket. Reads stream from GetObject; strings
 * and buffers are written with one PutObject, streams with a multipart
 * upload, so a large report never sits whole in memory.
 *
 * @example
 * const objects = new S3ObjectStore({ client: new S3Client({}), bucket });
 */
export class S3ObjectStore implements ObjectStore {
  readonly description: string;
  readonly bucket: string;
  private readonly client: S3Client;
  private readonly partSize: number;
  private readonly queueSize: number;
  private readonly listPageSize: number;

  constructor(options: S3ObjectStoreOptions) {
    this.client = options.client;
    this.bucket = options.bucket;
    this.partSize = Math.max(5 * MIB, options.partSize ?? 8 * MIB);
    this.queueSize = options.queueSize ?? 4;
    this.listPageSize = Math.min(1000, Math.max(1, options.listPageSize ?? 1000));
    this.description = `s3://${options.bucket}`;
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    try {
      const info = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: checked(key) }),
      );
      return { key, size: info.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async read(key: string): Promise<Readable> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: checked(key) }),
      );
      return asReadable(object.Body);
    } catch (error) {
      if (isMissing(error)) throw new ObjectNotFoundError(key, this.description);
      throw error;
    }
  }

  async getJson<T>(key: string): Promise<T> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.read(key)) {
      chunks.push(Buffer.from(chunk as Uint8Array));
    }
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
  }

  async put(key: string, body: ObjectBody, contentType?: string): Promise<void> {
    const params = {
      Bucket: this.bucket,
      Key: checked(key),
      Body: body,
      ContentType: contentType,
    };
    if (!(body instanceof Readable)) {
      await this.client.send(new PutObjectCommand(params));
      return;
    }
    const upload = new Upload({
      client: this.client,
      params,
      partSize: this.partSize,
      queueSize: this.queueSize,
      leavePartsOnError: false,
    });
    await upload.done();
  }

  async putJson(key: string, value: unknown): Promise<void> {
    await this.put(key, JSON.stringify(value), 'application/json');
  }

  async delete(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.bucket, Key: checked(key) }),
    );
  }

  /** Deletes page by page: each listed page (at most 1000 keys) at once. */
  async deletePrefix(prefix: string): Promise<void> {
    if (prefix.replace(/\/+$/, '') === '') throw new InvalidKeyError(prefix);
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: prefix,
          MaxKeys: this.listPageSize,
          ContinuationToken: token,
        }),
      );
      const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : []));
      if (keys.length > 0) await this.deleteKeys(prefix, keys);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  private async deleteKeys(prefix: string, keys: string[]): Promise<void> {
    const result = await this.client.send(
      new DeleteObjectsCommand({
        Bucket: this.bucket,
        Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
      }),
    );
    const failures = (result.Errors ?? []).map((e) => ({
      key: e.Key ?? '?',
      reason: `${e.Code ?? 'Error'}: ${e.Message ?? 'no message'}`,
    }));
    if (failures.length > 0) {
      throw new ObjectsNotDeletedError(prefix, this.description, failures);
    }
  }
}

function checked(key: string): string {
  if (key === '' || key.startsWith('/')) throw new InvalidKeyError(key);
  return key;
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (e.name === 'NoSuchBucket') return false;
  return (
    e.name === 'NoSuchKey' ||
    e.name === 'NotFound' ||
    e.$metadata?.httpStatusCode === 404
  );
}

function asReadable(body: unknown): Readable {
  if (body instanceof Readable) return body;
  if (body && typeof (body as WebStream).getReader === 'function') {
    return Readable.fromWeb(body as WebStream);
  }
  return Readable.from([]);
}
