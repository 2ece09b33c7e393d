#!/usr/bin/env -S node --max-semi-space-size=4 --max-old-space-size=512 --v8-pool-size=1
// Runs the TypeScript CLI directly through tsx's loader. A load allocates
// many short-lived rows: a small young generation and a bounded old one
// (V8 lets a heap with a distant ceiling grow far before collecting it)
// keep the process's memory flat at little cost in speed. One V8 helper
// thread: a load keeps both cores busy (main and writer threads), and more
// helpers only take turns with them (`npm run bench`).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
