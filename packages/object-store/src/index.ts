export * from './errors.js';
export * from './fs-object-store.js';
export type * from './object-store.js';
