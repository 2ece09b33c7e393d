export * from './errors.js';
export * from './settings.js';
