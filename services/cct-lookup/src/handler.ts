import { openCmsStore, sstCloudContext } from '@apilados/infra/lambda';
import { createCctLookupHandler } from './cloud-cct-lookup.js';

/** Lambda entry point of the CCT lookup service. */
export const handler = createCctLookupHandler(sstCloudContext(openCmsStore));
