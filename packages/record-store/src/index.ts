export * from './errors.js';
export type * from './record-store.js';
export * from './sqlite-record-store.js';
export * from './sqlite-schema.js';
