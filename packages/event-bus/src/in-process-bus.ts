import pLimit, { type LimitFunction } from 'p-limit';
import type { DomainEvent, EventDefinition } from '@apilados/events';
import { isEvent } from '@apilados/events';
import type { EventBus, EventHandler } from './event-bus.js';

/** A delivery that failed on every attempt. */
export interface DeadLetter {
  readonly subscriber: string;
  readonly event: DomainEvent;
  readonly error: unknown;
  readonly attempts: number;
}

/** Options of the in-process bus. */
export interface InProcessBusOptions {
  /** Attempts per delivery before it becomes a dead letter (default 3). */
  readonly attempts?: number;
  /**
   * Called once per dead letter, e.g. to log it. An error it throws is
   * ignored: the letter stays in `deadLetters`.
   */
  readonly onDeadLetter?: (letter: DeadLetter) => void;
}

interface Subscription {
  readonly subscriber: string;
  readonly definitions: readonly EventDefinition[];
  readonly handler: EventHandler;
  readonly limit: LimitFunction;
}

/**
 * An event bus inside one process: each published event is delivered
 * asynchronously to every matching subscriber, with a bounded number of
 * deliveries in flight per subscriber and retries on failure, like
 * EventBridge invoking a Lambda function. Every attempt gets its own copy
 * of the event, so no handler sees another's changes.
 */
export class InProcessBus implements EventBus {
  readonly deadLetters: DeadLetter[] = [];
  private readonly subscriptions: Subscription[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly listeners: ((event: DomainEvent) => void)[] = [];
  private readonly attempts: number;
  private readonly onDeadLetter: ((letter: DeadLetter) => void) | undefined;

  constructor(options: InProcessBusOptions = {}) {
    this.attempts = options.attempts ?? 3;
    this.onDeadLetter = options.onDeadLetter;
  }

  /** Delivers `definitions` to `handler`, at most `concurrency` at once. */
  subscribe(
    subscriber: string,
    definitions: readonly EventDefinition[],
    handler: EventHandler,
    concurrency = 1,
  ): void {
    this.subscriptions.push({
      subscriber,
      definitions,
      handler,
      limit: pLimit(concurrency),
    });
  }

  /** Sees every published event synchronously, e.g. for tests and the CLI. */
  listen(listener: (event: DomainEvent) => void): void {
    this.listeners.push(listener);
  }

  async publish(...events: DomainEvent[]): Promise<void> {
    for (const event of events) {
      const copy = structuredClone(event);
      for (const listener of this.listeners) listener(copy);
      for (const subscription of this.subscriptions) {
        if (subscription.definitions.some((d) => isEvent(d, copy))) {
          this.track(subscription.limit(() => this.deliver(subscription, copy)));
        }
      }
    }
  }

  /** Resolves once no delivery is queued or running. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) {
      await Promise.allSettled([...this.pending]);
    }
  }

  private track(delivery: Promise<void>): void {
    this.pending.add(delivery);
    void delivery
      .catch(() => undefined)
      .finally(() => this.pending.delete(delivery));
  }

  private async deliver(s: Subscription, event: DomainEvent): Promise<void> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      try {
        await s.handler(structuredClone(event));
        return;
      } catch (error) {
        lastError = error;
      }
    }
    const letter = {
      subscriber: s.subscriber,
      event,
      error: lastError,
      attempts: this.attempts,
    };
    this.deadLetters.push(letter);
    try {
      this.onDeadLetter?.(letter);
    } catch {
      // The letter is kept in `deadLetters`; a failing callback must not
      // become an unhandled rejection that stops the process.
    }
  }
}
