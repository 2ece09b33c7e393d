import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVENTS } from './catalogue.js';
import { cataloguePage, eventJsonSchema, schemaFileName } from './json-schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const HINT = 'run `npm run events:schemas` and commit the result';

describe('committed event schemas', () => {
  it.each(EVENTS.map((d) => [schemaFileName(d), d] as const))(
    'events/schemas/%s matches its definition',
    (file, definition) => {
      const committed = readFileSync(join(root, 'schemas', file), 'utf8');
      const generated = JSON.stringify(eventJsonSchema(definition), null, 2) + '\n';
      expect(committed, HINT).toBe(generated);
    },
  );

  it('holds no schema of an event that no longer exists', () => {
    const files = readdirSync(join(root, 'schemas')).sort();
    expect(files, HINT).toEqual(EVENTS.map(schemaFileName).sort());
  });

  it('events/CATALOGUE.md matches the definitions', () => {
    const committed = readFileSync(join(root, 'CATALOGUE.md'), 'utf8');
    expect(committed, HINT).toBe(cataloguePage());
  });
});

describe('schemaFileName', () => {
  it('slugs the detail-type and adds the version', () => {
    expect(EVENTS.map(schemaFileName)).toEqual([
      'file-accepted.v1.json', 'file-rejected.v1.json', 'chunk-ready.v1.json',
      'chunk-enriched.v1.json', 'chunk-persisted.v1.json',
      'file-completed.v1.json', 'health-reported.v1.json',
    ]);
  });
});

describe('eventJsonSchema', () => {
  it('pins source and detail-type and requires the detail', () => {
    const [accepted] = EVENTS;
    const schema = eventJsonSchema(accepted) as {
      required: string[];
      properties: Record<string, { const?: string; required?: string[] }>;
    };
    expect(schema.required).toEqual(['source', 'detail-type', 'detail']);
    expect(schema.properties.source).toEqual({ const: 'apilados.intake' });
    expect(schema.properties['detail-type']).toEqual({ const: 'File Accepted' });
    expect(schema.properties.detail!.required).toContain('version');
  });
});
