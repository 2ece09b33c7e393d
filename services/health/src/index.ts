export * from './check.js';
export * from './checks/catalogue-check.js';
export * from './checks/memory-check.js';
export * from './checks/record-store-check.js';
export * from './health.js';
