export * from './errors.js';
export type * from './record-store.js';
export * from './sqlite-record-store.js';
export * from './sqlite-schema.js';
export * from './strapi-record-store.js';
export * from './strapi-options.js';
export type { StrapiHttpOptions } from './strapi-http.js';
export * from './cct-resolver-on-store.js';
