import { openCmsStore, sstCloudContext } from '@apilados/infra/lambda';
import { createIntakeHandler } from './cloud-intake.js';

/** Lambda entry point of the ingest function (intake service). */
export const handler = createIntakeHandler(sstCloudContext(openCmsStore));
