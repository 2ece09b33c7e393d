import { setTimeout as delay } from 'node:timers/promises';
import {
  PutEventsCommand,
  type EventBridgeClient,
  type PutEventsRequestEntry,
  type PutEventsResultEntry,
} from '@aws-sdk/client-eventbridge';
import type { DomainEvent } from '@apilados/events';
import { PublishError } from './errors.js';
import type { EventBus } from './event-bus.js';

/** Entries EventBridge accepts in one PutEvents request. */
export const MAX_ENTRIES_PER_REQUEST = 10;

/** Bytes EventBridge accepts in one PutEvents request, all entries together. */
export const MAX_REQUEST_BYTES = 256 * 1024;

/** Thrown before sending anything when one event alone exceeds 256 KB. */
export class EventTooLargeError extends Error {
  override readonly name = 'EventTooLargeError';

  constructor(
    readonly detailType: string,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(
      `'${detailType}' event is ${bytes} bytes, over EventBridge's ${limit}; ` +
        'store the data in the object store and send its key instead',
    );
  }
}

/** Options of the EventBridge bus. */
export interface EventBridgeBusOptions {
  readonly client: EventBridgeClient;
  /** Name or ARN of the event bus. */
  readonly busName: string;
  /** Tries for entries EventBridge did not accept (default 3). */
  readonly attempts?: number;
  /** Wait before the first retry, doubled for each next one (default 100). */
  readonly backoffMs?: number;
  /** Waits between retries; replaceable in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Publishes domain events to an EventBridge bus. Events go in requests of
 * at most ten entries and 256 KB; entries EventBridge did not accept are
 * sent again, alone, with backoff, until `attempts` runs out.
 *
 * @example
 * const bus = new EventBridgeBus({ client: new EventBridgeClient({}), busName });
 * await bus.publish(createEvent(ChunkReady, detail));
 */
export class EventBridgeBus implements EventBus {
  private readonly client: EventBridgeClient;
  private readonly busName: string;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: EventBridgeBusOptions) {
    this.client = options.client;
    this.busName = options.busName;
    this.attempts = Math.max(1, options.attempts ?? 3);
    this.backoffMs = options.backoffMs ?? 100;
    this.sleep = options.sleep ?? ((ms) => delay(ms));
  }

  async publish(...events: DomainEvent[]): Promise<void> {
    const entries = events.map((event) => this.entryOf(event));
    for (const entry of entries) {
      const bytes = entrySize(entry);
      if (bytes > MAX_REQUEST_BYTES) {
        throw new EventTooLargeError(entry.DetailType!, bytes, MAX_REQUEST_BYTES);
      }
    }
    for (const batch of batches(entries)) await this.send(batch);
  }

  private entryOf(event: DomainEvent): PutEventsRequestEntry {
    return {
      EventBusName: this.busName,
      Source: event.source,
      DetailType: event['detail-type'],
      Detail: JSON.stringify(event.detail),
    };
  }

  private async send(batch: PutEventsRequestEntry[]): Promise<void> {
    let pending = batch;
    let failures: { detailType: string; reason: string }[] = [];
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      if (attempt > 1) await this.sleep(this.backoffMs * 2 ** (attempt - 2));
      const result = await this.client.send(
        new PutEventsCommand({ Entries: pending }),
      );
      if (!result.FailedEntryCount) return;

      const failed = failedEntries(pending, result.Entries ?? []);
      pending = failed.map((f) => f.entry);
      failures = failed.map((f) => ({
        detailType: f.entry.DetailType ?? '?',
        reason: f.reason,
      }));
      if (pending.length === 0) return;
    }
    throw new PublishError(failures);
  }
}

/**
 * The size EventBridge counts for an entry: the UTF-8 bytes of source,
 * detail-type, detail and each resource, plus 14 when it has a time.
 */
export function entrySize(entry: PutEventsRequestEntry): number {
  const bytes = (text: string | undefined) =>
    text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
  return (
    (entry.Time ? 14 : 0) +
    bytes(entry.Source) +
    bytes(entry.DetailType) +
    bytes(entry.Detail) +
    (entry.Resources ?? []).reduce((sum, r) => sum + bytes(r), 0)
  );
}

/** Splits entries, in order, into requests EventBridge accepts. */
export function batches(
  entries: readonly PutEventsRequestEntry[],
): PutEventsRequestEntry[][] {
  const result: PutEventsRequestEntry[][] = [];
  let current: PutEventsRequestEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = entrySize(entry);
    const full =
      current.length === MAX_ENTRIES_PER_REQUEST ||
      bytes + size > MAX_REQUEST_BYTES;
    if (full && current.length > 0) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) result.push(current);
  return result;
}

function failedEntries(
  sent: readonly PutEventsRequestEntry[],
  results: readonly PutEventsResultEntry[],
): { entry: PutEventsRequestEntry; reason: string }[] {
  return sent.flatMap((entry, i) => {
    const result = results[i];
    if (result?.EventId && !result.ErrorCode) return [];
    const reason = result?.ErrorCode
      ? `${result.ErrorCode}: ${result.ErrorMessage ?? 'no message'}`
      : 'no result for this entry';
    return [{ entry, reason }];
  });
}
