import { openCmsStore, sstCloudContext } from '@apilados/infra/lambda';
import { createHealthHandler } from './cloud-health-check.js';

/** Lambda entry point of the scheduled health check. */
export const handler = createHealthHandler(sstCloudContext(openCmsStore));
