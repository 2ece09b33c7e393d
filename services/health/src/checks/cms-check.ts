import type { RecordStore } from '@apilados/record-store';
import type { HealthCheck } from '../check.js';

/** Answers slower than this are a warning. */
export const SLOW_CMS_MS = 2000;

/**
 * The CMS answers and accepts the token. An auth failure says the token
 * was rejected or expired; a slow answer is a warning.
 */
export function cmsCheck(store: RecordStore): HealthCheck {
  return {
    name: 'cms',
    async run() {
      const started = performance.now();
      const details = { cms: store.description };
      try {
        await store.ping();
      } catch (error) {
        const message = (error as Error).message;
        const auth = /token rejected or expired|401|403/.test(message);
        return {
          status: 'critical',
          message: auth
            ? `CMS ${store.description} refused the token (token rejected or expired); ` +
              'replace STRAPI_TOKEN (on AWS, the StrapiToken secret)'
            : `CMS ${store.description} does not answer: ${message}; loads stop until it does`,
          details: { ...details, reason: auth ? 'auth' : 'unreachable' },
        };
      }
      const ms = Math.round(performance.now() - started);
      if (ms > SLOW_CMS_MS) {
        return {
          status: 'warning',
          message: `CMS ${store.description} answers slowly (${ms} ms); loads will be slow`,
          details: { ...details, responseMs: ms },
        };
      }
      return {
        status: 'healthy',
        message: `CMS ${store.description} answers and accepts the token`,
        details: { ...details, responseMs: ms },
      };
    },
  };
}
