import type { RecordStore } from '@apilados/record-store';
import type { HealthCheck } from '../check.js';

/** The record store answers. */
export function recordStoreCheck(store: RecordStore): HealthCheck {
  return {
    name: 'record-store',
    async run() {
      try {
        await store.ping();
        return {
          status: 'healthy',
          message: `record store ${store.description} answers`,
          details: { store: store.description },
        };
      } catch (error) {
        return {
          status: 'critical',
          message: `record store ${store.description} does not answer: ` +
            `${(error as Error).message}; loads will stop until it does`,
          details: { store: store.description },
        };
      }
    },
  };
}
