import type { Settings } from '@apilados/config';
import type { HealthCheck } from '@apilados/health';

/**
 * The CMS checks for the configured Strapi, if any. Filled in when the
 * Strapi store is available.
 */
export async function cmsChecks(_settings: Settings): Promise<HealthCheck[]> {
  return [];
}
