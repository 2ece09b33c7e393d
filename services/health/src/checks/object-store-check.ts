import type { ObjectStore } from '@apilados/object-store';
import type { HealthCheck } from '../check.js';

/** The object store takes a write, gives it back, and forgets it. */
export function objectStoreCheck(objects: ObjectStore, now = () => Date.now()): HealthCheck {
  return {
    name: 'object-store',
    async run() {
      const key = `health/probe-${now()}.txt`;
      const details = { store: objects.description };
      try {
        await objects.put(key, 'ok', 'text/plain');
        const back = await objects.head(key);
        await objects.delete(key);
        if (!back) {
          return {
            status: 'critical',
            message: `object store ${objects.description} lost a probe it had just written`,
            details,
          };
        }
        return {
          status: 'healthy',
          message: `object store ${objects.description} is readable and writable`,
          details,
        };
      } catch (error) {
        return {
          status: 'critical',
          message: `object store ${objects.description} is not writable: ` +
            `${(error as Error).message}; uploads cannot be chunked until it is`,
          details,
        };
      }
    },
  };
}
