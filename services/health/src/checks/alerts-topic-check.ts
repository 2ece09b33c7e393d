import type { HealthCheck } from '../check.js';

/**
 * The alerts topic exists and can be reached, so that a critical status
 * reaches people. `probe` asks the topic for its attributes.
 */
export function alertsTopicCheck(topic: string, probe: () => Promise<void>): HealthCheck {
  return {
    name: 'alerts-topic',
    async run() {
      try {
        await probe();
        return {
          status: 'healthy',
          message: 'the alerts topic is reachable',
          details: { topic },
        };
      } catch (error) {
        return {
          status: 'critical',
          message: `the alerts topic cannot be reached: ${(error as Error).message}; ` +
            'alarms and health alerts will not reach anyone',
          details: { topic },
        };
      }
    },
  };
}
