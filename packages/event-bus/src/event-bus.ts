import type { DomainEvent } from '@apilados/events';

/** Publishes domain events; delivery is asynchronous and at least once. */
export interface EventBus {
  publish(...events: DomainEvent[]): Promise<void>;
}

/** Reacts to one delivered event. */
export type EventHandler = (event: DomainEvent) => Promise<void>;
