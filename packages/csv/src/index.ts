export * from './errors.js';
export * from './read-csv.js';
export * from './sniff.js';
