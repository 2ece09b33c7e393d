export * from './errors.js';
export * from './local-catalogue.js';
export * from './local-runtime.js';
export * from './cms-catalogue.js';
