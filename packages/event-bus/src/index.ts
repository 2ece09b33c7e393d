export * from './errors.js';
export type * from './event-bus.js';
export * from './in-process-bus.js';
