import type { Settings } from '@apilados/config';
import { StoreUnavailableError } from './errors.js';
import type { StrapiHttpOptions } from './strapi-http.js';

/** How to reach the CMS and how to treat it; see `StrapiHttpOptions`. */
export interface StrapiRecordStoreOptions extends StrapiHttpOptions {
  /**
   * Skip existence lookups and only create (`OMIT_GET`). Safe only for a
   * first load into an empty CMS: entries that exist already are created
   * again, except those whose key the CMS itself keeps unique
   * (`participantes.id_externo`, `programas.nombre`). Default false.
   */
  readonly omitGet?: boolean;
  /** Natural keys remembered with their ids (found or created); 200 000. */
  readonly cacheEntries?: number;
  /** How long a remembered id is trusted, in ms; 15 minutes. */
  readonly cacheTtlMs?: number;
  /** Entries asked per page of a listing; 1000, the most Strapi serves. */
  readonly pageSize?: number;
}

/** The part of the pipeline settings that configures the CMS store. */
export type StrapiSettings = Pick<Settings, 'omitGet' | 'strapi'>;

/**
 * Store options from the pipeline settings, with `baseUrl` overriding the
 * configured one (e.g. from a command-line flag). Undefined when no base
 * URL is known, meaning the CMS is not the target.
 *
 * @throws StoreUnavailableError when there is a base URL but no token.
 */
export function strapiStoreOptions(
  settings: StrapiSettings,
  baseUrl: string | undefined = settings.strapi.baseUrl,
): StrapiRecordStoreOptions | undefined {
  if (!baseUrl) return undefined;
  const token = settings.strapi.token;
  if (!token) {
    throw new StoreUnavailableError(`strapi:${baseUrl}`,
      'STRAPI_TOKEN is not set; the API token is read only from it');
  }
  return {
    baseUrl,
    token,
    omitGet: settings.omitGet,
    retryAttempts: settings.strapi.retryAttempts,
    retryDelayMs: settings.strapi.retryDelayMs,
    timeoutMs: settings.strapi.timeoutMs,
    maxInFlight: settings.strapi.maxInFlight,
  };
}
