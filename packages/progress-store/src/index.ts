export * from './errors.js';
export * from './memory-progress-store.js';
export * from './progress-store.js';
export * from './dynamodb-progress-store.js';
