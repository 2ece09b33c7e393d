import { randomUUID } from 'node:crypto';
import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { Context } from 'aws-lambda';
import {
  SUBSCRIPTIONS,
  eventPattern,
  type ServiceName,
} from '@apilados/events';
import { eventBridgeEnvelope, fakeLambdaContext } from './lambda-events.js';

/** A Lambda handler as the runtime calls it. */
export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

/** A delivery that failed on every attempt. */
export interface DeadLetter {
  readonly service: ServiceName;
  readonly event: unknown;
  readonly error: unknown;
}

/** Options of the loopback bus. */
export interface LoopbackOptions {
  /**
   * Instances of each service's function; each handles one event at a
   * time, like a Lambda instance.
   */
  readonly functions: Partial<Record<ServiceName, LambdaHandler[]>>;
  /** Entries to deliver twice, as EventBridge may. */
  readonly twice?: (entry: PutEventsRequestEntry) => boolean;
}

interface Delivery {
  readonly service: ServiceName;
  readonly event: unknown;
  attempt: number;
}

/**
 * EventBridge on loopback: each entry put on the bus is matched against
 * the rule patterns built from SUBSCRIPTIONS (as the deployment builds
 * them) and handed, in an EventBridge envelope, to a free instance of
 * every matching function. A failed invocation is retried twice, as
 * Lambda retries asynchronous invocations, then becomes a dead letter.
 */
export class LoopbackEventBridge {
  readonly deadLetters: DeadLetter[] = [];
  readonly invocations: { service: ServiceName; detailType: string }[] = [];
  private readonly queues = new Map<ServiceName, Delivery[]>();
  private readonly idle = new Map<ServiceName, LambdaHandler[]>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly options: LoopbackOptions) {
    for (const [service, handlers] of Object.entries(options.functions)) {
      this.idle.set(service as ServiceName, [...handlers]);
      this.queues.set(service as ServiceName, []);
    }
  }

  /** Takes the entries of one PutEvents request. */
  put(entries: readonly PutEventsRequestEntry[]): void {
    for (const entry of entries) {
      const event = eventBridgeEnvelope(
        {
          source: entry.Source!,
          'detail-type': entry.DetailType!,
          detail: JSON.parse(entry.Detail!) as unknown,
        },
        randomUUID(),
      );
      const copies = this.options.twice?.(entry) ? 2 : 1;
      for (const service of subscribersOf(entry)) {
        for (let n = 0; n < copies; n++) this.invoke(service, event);
      }
    }
  }

  /** Invokes `service` asynchronously with `event`, as S3 or a rule does. */
  invoke(service: ServiceName, event: unknown): void {
    this.queues.get(service)?.push({ service, event, attempt: 1 });
    this.pump(service);
  }

  /** Resolves once nothing is queued or running. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private pump(service: ServiceName): void {
    const queue = this.queues.get(service) ?? [];
    const idle = this.idle.get(service) ?? [];
    while (queue.length > 0 && idle.length > 0) {
      const delivery = queue.shift()!;
      const handler = idle.shift()!;
      const run = this.run(handler, delivery).finally(() => {
        idle.push(handler);
        this.running.delete(run);
        this.pump(service);
      });
      this.running.add(run);
    }
  }

  private async run(handler: LambdaHandler, delivery: Delivery): Promise<void> {
    const detailType = (delivery.event as { 'detail-type'?: string })['detail-type'] ?? 's3';
    this.invocations.push({ service: delivery.service, detailType });
    try {
      await new Promise((resolve) => setImmediate(resolve));
      await handler(delivery.event, fakeLambdaContext(`apilados-test-${delivery.service}`));
    } catch (error) {
      if (delivery.attempt < 3) {
        this.queues.get(delivery.service)!.push({ ...delivery, attempt: delivery.attempt + 1 });
      } else {
        this.deadLetters.push({ service: delivery.service, event: delivery.event, error });
      }
    }
  }
}

/** The services whose rule pattern matches an entry. */
function subscribersOf(entry: PutEventsRequestEntry): ServiceName[] {
  return (Object.keys(SUBSCRIPTIONS) as ServiceName[]).filter((service) => {
    const definitions = SUBSCRIPTIONS[service];
    if (definitions.length === 0) return false;
    const pattern = eventPattern(definitions);
    return (
      pattern.source.includes(entry.Source as never) &&
      pattern['detail-type'].includes(entry.DetailType as never)
    );
  });
}
