import * as v from 'valibot';

/** The services that produce and consume domain events. */
export type ServiceName = 'intake' | 'cct-lookup' | 'persistence' | 'health';

/** A domain event's contract: where it comes from and what it carries. */
export interface EventDefinition<
  TDetail extends v.GenericSchema = v.GenericSchema,
> {
  /** EventBridge `source`, e.g. `apilados.intake`. */
  readonly source: `apilados.${ServiceName}`;
  /** EventBridge `detail-type`, e.g. `Chunk Ready`. */
  readonly detailType: string;
  /** Version of the detail's shape; a breaking change adds a new one. */
  readonly version: number;
  readonly producer: ServiceName;
  readonly description: string;
  /** Schema of `detail`, including its `version` field. */
  readonly detail: TDetail;
}

/** An event as EventBridge carries it. */
export interface DomainEvent<TDetail = unknown> {
  readonly source: string;
  readonly 'detail-type': string;
  readonly detail: TDetail;
}

/** The detail type a definition accepts. */
export type DetailOf<E extends EventDefinition> = v.InferOutput<E['detail']>;

/** The detail a producer writes: everything but the version. */
export type DetailInput<E extends EventDefinition> = Omit<
  v.InferInput<E['detail']>,
  'version'
>;

/**
 * Defines a domain event once; its detail schema gains a `version` field.
 *
 * @example
 * const pinged = defineEvent({
 *   producer: 'health', detailType: 'Pinged', version: 1,
 *   description: 'A ping.', detail: { at: v.string() },
 * });
 */
export function defineEvent<
  const TVersion extends number,
  TEntries extends v.ObjectEntries,
>(spec: {
  producer: ServiceName;
  detailType: string;
  version: TVersion;
  description: string;
  detail: TEntries;
}) {
  const detail = v.object({ version: v.literal(spec.version), ...spec.detail });
  return {
    source: `apilados.${spec.producer}`,
    detailType: spec.detailType,
    version: spec.version,
    producer: spec.producer,
    description: spec.description,
    detail,
  } as const satisfies EventDefinition;
}

/** Thrown when an event does not match its definition. */
export class EventValidationError extends Error {
  override readonly name = 'EventValidationError';

  constructor(
    readonly detailType: string,
    readonly problems: string[],
  ) {
    super(`'${detailType}' event is invalid: ${problems.join('; ')}`);
  }
}

/** Builds an event from its definition, validating the detail. */
export function createEvent<E extends EventDefinition>(
  definition: E,
  detail: DetailInput<E>,
): DomainEvent<DetailOf<E>> {
  const full = { version: definition.version, ...detail };
  return {
    source: definition.source,
    'detail-type': definition.detailType,
    detail: validate(definition, full),
  };
}

/** True when `event` is an instance of `definition`. */
export function isEvent<E extends EventDefinition>(
  definition: E,
  event: Pick<DomainEvent, 'source' | 'detail-type'>,
): boolean {
  return (
    event.source === definition.source &&
    event['detail-type'] === definition.detailType
  );
}

/** Validates a received event's detail against its definition. */
export function readEvent<E extends EventDefinition>(
  definition: E,
  event: DomainEvent,
): DetailOf<E> {
  if (!isEvent(definition, event)) {
    throw new EventValidationError(definition.detailType, [
      `expected ${definition.source}/${definition.detailType}, ` +
        `got ${event.source}/${event['detail-type']}`,
    ]);
  }
  return validate(definition, event.detail);
}

function validate<E extends EventDefinition>(
  definition: E,
  detail: unknown,
): DetailOf<E> {
  const result = v.safeParse(definition.detail, detail);
  if (result.success) return result.output as DetailOf<E>;
  const problems = result.issues.map(
    (i) => `${v.getDotPath(i) ?? 'detail'}: ${i.message}`,
  );
  throw new EventValidationError(definition.detailType, problems);
}
