export * from './collections.js';
export * from './columns.js';
export * from './headers.js';
export * from './identity.js';
export * from './issues.js';
export * from './plan-row.js';
export * from './row-schema.js';
export * from './values.js';
