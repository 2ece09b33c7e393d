import { openCmsStore, sstCloudContext } from '@apilados/infra/lambda';
import { createPersistenceHandler } from './cloud-persistence.js';

/** Lambda entry point of the persistence service. */
export const handler = createPersistenceHandler(sstCloudContext(openCmsStore));
