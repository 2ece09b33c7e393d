import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';

/** What became of a piece of work handed to `Once.run`. */
export type OnceOutcome<T> =
  | { readonly status: 'done'; readonly result: T }
  /** The same key's work already finished; its stored result. */
  | { readonly status: 'repeated'; readonly result: T }
  /** The same key's work is running elsewhere; nothing was done here. */
  | { readonly status: 'in-progress' };

/** Options of `createOnce`. */
export interface OnceOptions {
  readonly client: DynamoDBClient;
  /** A table keyed by the string `id`, with TTL on `expiration`. */
  readonly table: string;
  /** Prefix of every key, e.g. `apilados-persistence`. */
  readonly prefix: string;
  /** How long a finished key is remembered (default one day). */
  readonly expiresAfterSeconds?: number;
}

/** Runs work at most once per key, however often its event arrives. */
export interface Once {
  /** Remembers the invocation, so a key held by a dead run expires with it. */
  attach(context: Context): void;
  /**
   * Runs `work` unless work under the same `name` and `key` finished or is
   * running. The result must be plain JSON: it is stored and returned to
   * repeats.
   */
  run<T extends object>(
    name: string,
    key: Record<string, string | number>,
    work: () => Promise<T>,
  ): Promise<OnceOutcome<T>>;
}

/**
 * Powertools idempotency on a DynamoDB table. The key is what the work
 * means (e.g. `Chunk Enriched` of file F, chunk 3), not the delivery, so
 * a redelivered event and a republished one are both recognised.
 */
export function createOnce(options: OnceOptions): Once {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: options.table,
    awsSdkV3Client: options.client,
  });
  const expiresAfterSeconds = options.expiresAfterSeconds ?? 24 * 3600;
  let lambdaContext: Context | undefined;

  return {
    attach(context) {
      lambdaContext = context;
    },
    async run(name, key, work) {
      let repeated = false;
      const config = new IdempotencyConfig({
        expiresAfterSeconds,
        responseHook: (response) => {
          repeated = true;
          return response;
        },
      });
      if (lambdaContext) config.registerLambdaContext(lambdaContext);
      const guarded = makeIdempotent(
        async (_key: Record<string, string | number>) => work(),
        { persistenceStore, config, keyPrefix: `${options.prefix}.${name}` },
      );
      try {
        const result = (await guarded(key)) as Awaited<ReturnType<typeof work>>;
        return { status: repeated ? 'repeated' : 'done', result };
      } catch (error) {
        if (error instanceof IdempotencyAlreadyInProgressError) {
          return { status: 'in-progress' };
        }
        throw error;
      }
    },
  };
}
