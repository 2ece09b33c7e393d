import { ChunkPersisted, on, type Route } from '@apilados/events';
import type { Intake } from './intake.js';

/** The events the intake service consumes. */
export function intakeRoutes(intake: Intake): Route[] {
  return [on(ChunkPersisted, intake.onChunkPersisted)];
}
