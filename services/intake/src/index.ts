export * from './file-id.js';
export * from './intake.js';
export * from './report.js';
export * from './routes.js';
