import * as v from 'valibot';
import {
  readEvent,
  type DomainEvent,
  type EventDefinition,
} from '@apilados/events';
import { UnexpectedEventError } from './errors.js';

/** The envelope EventBridge wraps around an event it hands to Lambda. */
export const EventBridgeEnvelope = v.object({
  version: v.string(),
  id: v.string(),
  'detail-type': v.string(),
  source: v.string(),
  account: v.string(),
  time: v.string(),
  region: v.string(),
  resources: v.array(v.string()),
  detail: v.unknown(),
});

/** An envelope as Lambda receives it. */
export type EventBridgeEnvelope = v.InferOutput<typeof EventBridgeEnvelope>;

/** A domain event taken out of its envelope, its detail validated. */
export interface ReceivedEvent {
  /** EventBridge's id of this delivery's event. */
  readonly id: string;
  readonly event: DomainEvent;
}

/** True when `input` looks like an EventBridge envelope. */
export function isEnvelope(input: unknown): input is EventBridgeEnvelope {
  return v.is(EventBridgeEnvelope, input);
}

/**
 * Checks an EventBridge envelope and validates its detail against the
 * one of `definitions` it names.
 *
 * @throws UnexpectedEventError when `input` is no envelope or names an
 * event the service does not consume.
 * @throws EventValidationError when the detail does not match.
 */
export function readEnvelope(
  service: string,
  input: unknown,
  definitions: readonly EventDefinition[],
): ReceivedEvent {
  const parsed = v.safeParse(EventBridgeEnvelope, input);
  if (!parsed.success) {
    throw new UnexpectedEventError(
      service,
      'an EventBridge event',
      parsed.issues.map((i) => `${v.getDotPath(i) ?? 'event'}: ${i.message}`),
    );
  }
  const envelope = parsed.output;
  const definition = definitions.find(
    (d) => d.source === envelope.source && d.detailType === envelope['detail-type'],
  );
  if (!definition) {
    throw new UnexpectedEventError(service, consumed(definitions), [
      `got ${envelope.source}/${envelope['detail-type']}`,
    ]);
  }
  const event = {
    source: envelope.source,
    'detail-type': envelope['detail-type'],
    detail: envelope.detail,
  };
  return { id: envelope.id, event: { ...event, detail: readEvent(definition, event) } };
}

function consumed(definitions: readonly EventDefinition[]): string {
  return definitions.map((d) => `${d.source}/${d.detailType}`).join(' or ');
}
