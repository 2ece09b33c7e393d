// Writes events/schemas/*.json and events/CATALOGUE.md from the definitions.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cataloguePage,
  eventJsonSchema,
  schemaFileName,
} from '../src/json-schema.js';
import { EVENTS } from '../src/catalogue.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(root, 'schemas'), { recursive: true });
for (const definition of EVENTS) {
  const path = join(root, 'schemas', schemaFileName(definition));
  writeFileSync(path, JSON.stringify(eventJsonSchema(definition), null, 2) + '\n');
}
writeFileSync(join(root, 'CATALOGUE.md'), cataloguePage());
console.log(`wrote ${EVENTS.length} schemas and CATALOGUE.md`);
