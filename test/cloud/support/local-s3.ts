import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { LOCAL_AWS } from './aws-test-config.js';

/** An S3-compatible server on a free loopback port. */
export interface LocalS3 {
  readonly endpoint: string;
  /** A client for it, path-style as the server needs. */
  readonly client: S3Client;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts s3rver on 127.0.0.1 with the given buckets (names of at least
 * three characters), keeping its objects in a temporary folder.
 */
export async function startLocalS3(buckets: readonly string[]): Promise<LocalS3> {
  const directory = mkdtempSync(join(tmpdir(), 'apilados-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ ...LOCAL_AWS, endpoint, forcePathStyle: true });
  return {
    endpoint,
    client,
    async stop() {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
