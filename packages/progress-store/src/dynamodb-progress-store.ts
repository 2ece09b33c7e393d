import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { UnknownFileError } from './errors.js';
import type {
  FileProgress,
  FileRecord,
  ProgressStore,
} from './progress-store.js';
import { isComplete } from './progress-store.js';

/** Options of the DynamoDB progress store. */
export interface DynamoDbProgressStoreOptions {
  readonly client: DynamoDBClient;
  /** A table whose partition key is the string `fileId`. */
  readonly table: string;
  /** Days an item is kept, through the table's `expiresAt` TTL (default 30). */
  readonly retentionDays?: number;
  readonly now?: () => Date;
}

/** One file's item. `done` is a number set, absent until a chunk is done. */
interface ProgressItem {
  readonly fileId: string;
  readonly file: FileRecord['file'];
  readonly dryRun: boolean;
  readonly startedAt: string;
  readonly expected?: number;
  readonly done?: Set<number>;
  readonly completedAt?: string;
  readonly expiresAt: number;
}

const NAMES = {
  '#expected': 'expected',
  '#done': 'done',
  '#completedAt': 'completedAt',
};

/**
 * Progress in a DynamoDB table, one item per file, safe across Lambda
 * invocations running at once. Chunks done are a number set grown with
 * an atomic ADD, so a repeated delivery changes nothing. Completion is
 * claimed with a conditional write that only one caller can win.
 *
 * @example
 * const progress = new DynamoDbProgressStore({ client, table: 'progress' });
 */
export class DynamoDbProgressStore implements ProgressStore {
  private readonly documents: DynamoDBDocumentClient;
  private readonly table: string;
  private readonly retentionSeconds: number;
  private readonly now: () => Date;

  constructor(options: DynamoDbProgressStoreOptions) {
    this.documents = DynamoDBDocumentClient.from(options.client, {
      marshallOptions: { removeUndefinedValues: true },
    });
    this.table = options.table;
    this.retentionSeconds = (options.retentionDays ?? 30) * 24 * 3600;
    this.now = options.now ?? (() => new Date());
  }

  async begin(record: FileRecord): Promise<void> {
    const item: ProgressItem = {
      ...record,
      expiresAt: Math.floor(this.now().getTime() / 1000) + this.retentionSeconds,
    };
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.table,
          Item: item,
          ConditionExpression: 'attribute_not_exists(fileId)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async get(fileId: string): Promise<FileRecord | undefined> {
    const item = await this.read(fileId);
    if (!item) return undefined;
    const { file, dryRun, startedAt } = item;
    return { fileId, file, dryRun, startedAt };
  }

  async setExpected(fileId: string, chunks: number): Promise<FileProgress> {
    return this.update(fileId, 'SET #expected = :chunks', { ':chunks': chunks });
  }

  async markDone(fileId: string, chunk: number): Promise<FileProgress> {
    return this.update(fileId, 'ADD #done :chunk', { ':chunk': new Set([chunk]) });
  }

  /**
   * Reads the file's state; when every chunk is done, sets `completedAt`
   * on the condition that it is unset and that the set still holds at
   * least the chunks read. (A condition cannot compare a set's size with
   * another attribute, so the expected count read is passed as a value.)
   */
  async claimCompletion(fileId: string): Promise<FileProgress | undefined> {
    const item = await this.read(fileId);
    if (!item) throw new UnknownFileError(fileId);
    const state = progressOf(item);
    if (item.completedAt || !isComplete(state)) return undefined;

    const expected = state.expectedChunks!;
    const conditions = ['attribute_not_exists(#completedAt)', '#expected = :expected'];
    if (expected > 0) conditions.push('size(#done) >= :expected');
    try {
      const result = await this.documents.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { fileId },
          UpdateExpression: 'SET #completedAt = :now',
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: namesIn(conditions.join(' ') + ' #completedAt'),
          ExpressionAttributeValues: {
            ':now': this.now().toISOString(),
            ':expected': expected,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return progressOf(result.Attributes as ProgressItem);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  private async read(fileId: string): Promise<ProgressItem | undefined> {
    const result = await this.documents.send(
      new GetCommand({ TableName: this.table, Key: { fileId }, ConsistentRead: true }),
    );
    return result.Item as ProgressItem | undefined;
  }

  private async update(
    fileId: string,
    expression: string,
    values: Record<string, unknown>,
  ): Promise<FileProgress> {
    try {
      const result = await this.documents.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { fileId },
          UpdateExpression: expression,
          ConditionExpression: 'attribute_exists(fileId)',
          ExpressionAttributeNames: namesIn(expression),
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return progressOf(result.Attributes as ProgressItem);
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new UnknownFileError(fileId);
      }
      throw error;
    }
  }
}

function progressOf(item: ProgressItem): FileProgress {
  return {
    fileId: item.fileId,
    expectedChunks: item.expected ?? null,
    doneChunks: item.done?.size ?? 0,
  };
}

/** The attribute-name placeholders an expression uses. */
function namesIn(expression: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(NAMES).filter(([placeholder]) => expression.includes(placeholder)),
  );
}

function isConditionFailure(error: unknown): boolean {
  return (error as Error).name === 'ConditionalCheckFailedException';
}
