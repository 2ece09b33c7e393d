export * from './cct-lookup.js';
export * from './routes.js';
