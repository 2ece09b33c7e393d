export * from './errors.js';
export * from './memory-progress-store.js';
export * from './progress-store.js';
