import { SUBSCRIPTIONS, eventPattern, type ServiceName } from '@apilados/events';

/** One EventBridge rule: which service's function gets which events. */
export interface BusSubscription {
  readonly service: ServiceName;
  /** A name for the rule, e.g. `CctLookupEvents`. */
  readonly name: string;
  /** The rule pattern, in the shape `bus.subscribe` takes. */
  readonly pattern: { readonly source: string[]; readonly detailType: string[] };
}

/**
 * The bus rules of the deployment, built from SUBSCRIPTIONS as the local
 * runtime is, so that both route the same events to the same services.
 * Services that consume nothing get no rule.
 */
export function busSubscriptions(): BusSubscription[] {
  return (Object.keys(SUBSCRIPTIONS) as ServiceName[]).flatMap((service) => {
    const definitions = SUBSCRIPTIONS[service];
    if (definitions.length === 0) return [];
    const pattern = eventPattern(definitions);
    return [{
      service,
      name: `${pascalCase(service)}Events`,
      pattern: { source: pattern.source, detailType: pattern['detail-type'] },
    }];
  });
}

/** `cct-lookup` → `CctLookup`, for resource names. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
