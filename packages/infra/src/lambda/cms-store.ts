import {
  StrapiRecordStore,
  strapiStoreOptions,
} from '@apilados/record-store';
import type { RecordStoreFactory } from './cloud-context.js';
import { MissingResourceError } from './errors.js';

/**
 * Opens the Strapi CMS at STRAPI_BASE_URL with the token of the
 * `StrapiToken` secret, never an environment variable.
 */
export const openCmsStore: RecordStoreFactory = (settings, token) => {
  const options = strapiStoreOptions({
    ...settings,
    strapi: { ...settings.strapi, token },
  });
  if (!options) {
    throw new MissingResourceError(
      'STRAPI_BASE_URL',
      'set it in the stage environment before deploying',
    );
  }
  return new StrapiRecordStore(options);
};
