import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { DomainEvent } from '@apilados/events';
import type { EventBus } from '@apilados/event-bus';
import { metricsOf } from './event-metrics.js';

/**
 * An event bus that records, once an event is published, the metrics it
 * stands for; the services stay unaware of metrics.
 *
 * @example const bus = new MeteredBus(new EventBridgeBus(options), metrics);
 */
export class MeteredBus implements EventBus {
  constructor(
    private readonly inner: EventBus,
    private readonly metrics: Metrics,
  ) {}

  async publish(...events: DomainEvent[]): Promise<void> {
    await this.inner.publish(...events);
    for (const event of events) {
      for (const point of metricsOf(event)) {
        this.metrics.addMetric(point.name, point.unit, point.value);
      }
    }
  }
}
