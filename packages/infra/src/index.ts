export * from './alarms.js';
export * from './function-environment.js';
export * from './subscriptions.js';
