export * from './draft-set.js';
export * from './persistence.js';
export * from './routes.js';
export * from './row-writer.js';
export * from './write-batch.js';
