import type { DomainEvent, DetailOf, EventDefinition } from './define-event.js';
import { readEvent } from './define-event.js';

/** A service's reaction to one kind of event. */
export interface Route {
  readonly definition: EventDefinition;
  /** Validates the event's detail, then handles it. */
  readonly handle: (event: DomainEvent) => Promise<void>;
}

/**
 * Binds a handler to an event definition; the detail is validated before
 * the handler sees it.
 *
 * @example on(ChunkReady, (detail) => lookup.onChunkReady(detail))
 */
export function on<E extends EventDefinition>(
  definition: E,
  handler: (detail: DetailOf<E>) => Promise<void>,
): Route {
  return {
    definition,
    handle: (event) => handler(readEvent(definition, event)),
  };
}

/** Thrown when no route of a service matches a delivered event. */
export class NoRouteError extends Error {
  override readonly name = 'NoRouteError';

  constructor(
    readonly source: string,
    readonly detailType: string,
  ) {
    super(`no handler for ${source}/${detailType}`);
  }
}

/** Delivers `event` to the matching route. */
export async function dispatch(
  routes: readonly Route[],
  event: DomainEvent,
): Promise<void> {
  const route = routes.find(
    (r) =>
      r.definition.source === event.source &&
      r.definition.detailType === event['detail-type'],
  );
  if (!route) throw new NoRouteError(event.source, event['detail-type']);
  await route.handle(event);
}
