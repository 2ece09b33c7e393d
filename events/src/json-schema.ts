import { toJsonSchema } from '@valibot/to-json-schema';
import type { EventDefinition } from './define-event.js';
import { consumersOf, EVENTS } from './catalogue.js';

/** File name of an event's JSON Schema, e.g. `chunk-ready.v1.json`. */
export function schemaFileName(definition: EventDefinition): string {
  const slug = definition.detailType.toLowerCase().replace(/\s+/g, '-');
  return `${slug}.v${definition.version}.json`;
}

/** The JSON Schema of a whole EventBridge entry for `definition`. */
export function eventJsonSchema(definition: EventDefinition): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: definition.detailType,
    description: definition.description,
    type: 'object',
    required: ['source', 'detail-type', 'detail'],
    properties: {
      source: { const: definition.source },
      'detail-type': { const: definition.detailType },
      detail: detailSchema(definition),
    },
  };
}

function detailSchema(definition: EventDefinition): object {
  const { $schema: _ignored, ...schema } = toJsonSchema(definition.detail, {
    errorMode: 'ignore',
  }) as Record<string, unknown>;
  return schema;
}

/** The catalogue page: every event with its producer and consumers. */
export function cataloguePage(): string {
  const rows = EVENTS.map((d) => {
    const consumers = consumersOf(d);
    return (
      `| ${d.detailType} | \`${d.source}\` | ${d.producer} | ` +
      `${consumers.length ? consumers.join(', ') : '(none yet)'} | ` +
      `[${schemaFileName(d)}](schemas/${schemaFileName(d)}) | ` +
      `${d.description} |`
    );
  });
  return [
    '# Event catalogue',
    '',
    'Generated from `events/src` by `npm run events:schemas`; do not edit.',
    'Every event is an EventBridge entry (`source`, `detail-type`,',
    '`detail`); `detail.version` is the version of its shape. Rows travel',
    'by reference: events carry object-store keys, never row data.',
    '',
    '| detail-type | source | producer | consumers | schema | meaning |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
