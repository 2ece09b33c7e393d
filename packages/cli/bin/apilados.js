#!/usr/bin/env -S node --max-semi-space-size=4
// Runs the TypeScript CLI directly through tsx's loader. A load allocates
// many short-lived rows: a small young generation keeps the process's
// memory flat at little cost in speed (see `npm run bench`).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
