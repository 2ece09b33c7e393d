#!/usr/bin/env -S node --max-semi-space-size=4 --max-old-space-size=512
// Runs the TypeScript CLI directly through tsx's loader. A load allocates
// many short-lived rows: a small young generation and a bounded old one
// (V8 lets a heap with a distant ceiling grow far before collecting it)
// keep the process's memory flat at little cost in speed (`npm run bench`).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
