import { Logger } from '@aws-lambda-powertools/logger';
import { redactPersonalData } from './redact.js';

/**
 * The structured logger of one service: JSON lines with `service`,
 * personal data redacted. The level comes from `POWERTOOLS_LOG_LEVEL`
 * (default INFO).
 *
 * @example const logger = createLogger('intake');
 */
export function createLogger(service: string): Logger {
  return new Logger({
    serviceName: `apilados-${service}`,
    jsonReplacerFn: redactPersonalData,
  });
}

export type { Logger };
