import type { Settings } from '@apilados/config';
import { cmsCheck, type HealthCheck } from '@apilados/health';
import {
  StoreUnavailableError,
  StrapiRecordStore,
  strapiStoreOptions,
} from '@apilados/record-store';

/** A health check answers quickly: one try, a short timeout. */
const PROBE = { retryAttempts: 0, timeoutMs: 5000 } as const;

/**
 * The CMS check for the configured Strapi. Locally a missing CMS is
 * simply not checked; in any other environment it is critical, since
 * loads there go to the CMS.
 */
export async function cmsChecks(settings: Settings): Promise<HealthCheck[]> {
  let options;
  try {
    options = strapiStoreOptions(settings);
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    return [misconfigured(error.message)];
  }
  if (!options) {
    return settings.environment === 'local'
      ? []
      : [misconfigured('STRAPI_BASE_URL (or STRAPI_URL) is not set')];
  }
  return [cmsCheck(new StrapiRecordStore({ ...options, ...PROBE }))];
}

function misconfigured(reason: string): HealthCheck {
  return {
    name: 'cms',
    run: async () => ({
      status: 'critical',
      message: `the CMS is not configured: ${reason}`,
      details: {},
    }),
  };
}
