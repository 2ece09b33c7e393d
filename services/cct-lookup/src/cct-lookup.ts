import type { Logger } from '@aws-lambda-powertools/logger';
import { checkCct, normaliseCct, type CctResolver } from '@apilados/cct-catalogue';
import type { RowIssue } from '@apilados/domain';
import {
  ChunkEnriched,
  createEvent,
  keys,
  type ChunkReady,
  type DetailOf,
  type LookupPayload,
  type SchoolCode,
  type SchoolsPayload,
} from '@apilados/events';
import type { EventBus } from '@apilados/event-bus';
import type { ObjectStore } from '@apilados/object-store';

/** What the CCT lookup service needs. */
export interface CctLookupDeps {
  readonly objects: ObjectStore;
  readonly bus: EventBus;
  readonly logger: Logger;
  /** Resolves codes to catalogue ids; none when no catalogue is known. */
  readonly resolver: () => Promise<CctResolver | undefined>;
}

/**
 * The CCT lookup service: links each row's school code to the CCT
 * catalogue. A malformed or unknown code is a warning on that row, and
 * the row goes on without the link.
 */
export function createCctLookup(deps: CctLookupDeps) {
  const { objects, bus, logger } = deps;

  async function onChunkReady(detail: DetailOf<typeof ChunkReady>): Promise<void> {
    const { fileId, chunk } = detail;
    const { rows } = await objects.getJson<SchoolsPayload>(detail.schoolsKey);
    const resolver = await deps.resolver();

    const issues: RowIssue[] = [];
    const codeOfRow = new Map<number, SchoolCode & { code: string }>();
    let malformed = 0;
    for (const school of rows) {
      const code = normaliseCct(school.cct);
      const problem = checkCct(code);
      if (problem) {
        malformed++;
        issues.push(warning(school, school.cct,
          `CCT '${school.cct.trim()}' is malformed (${problem}); the school link is left empty`));
      } else {
        codeOfRow.set(school.row, { ...school, code });
      }
    }

    const ids = resolver
      ? await resolver.resolve([...new Set([...codeOfRow.values()].map((c) => c.code))])
      : new Map<string, number | null>();
    const cctIds: Record<number, number> = {};
    let unknown = 0;
    for (const [row, school] of codeOfRow) {
      const id = ids.get(school.code);
      if (typeof id === 'number') cctIds[row] = id;
      else if (resolver) {
        unknown++;
        issues.push(warning(school, school.code,
          `CCT '${school.code}' is not in the catalogue; the school link is left empty`));
      }
    }
    issues.sort((a, b) => a.row - b.row);

    const lookup: LookupPayload = { fileId, chunk, cctIds, issues };
    const lookupKey = keys.lookup(fileId, chunk);
    await objects.putJson(lookupKey, lookup);
    const resolved = Object.keys(cctIds).length;
    await bus.publish(
      createEvent(ChunkEnriched, {
        fileId,
        chunk,
        rowsKey: detail.rowsKey,
        lookupKey,
        rowCount: detail.rowCount,
        dryRun: detail.dryRun,
        cct: { mode: resolver?.mode ?? 'none', resolved, unknown, malformed },
      }),
    );
    logger.info('chunk enriched', {
      fileId,
      chunk,
      resolved,
      unknown,
      malformed,
      catalogue: resolver ? catalogueStats(resolver) : { mode: 'none' },
    });
  }

  return { onChunkReady };
}

function warning(school: SchoolCode, value: string, reason: string): RowIssue {
  return {
    row: school.row,
    participantId: school.participantId,
    column: 'cct',
    value,
    severity: 'warning',
    reason,
  };
}

/** The resolver's running figures, for logs: mode, hit rate, requests. */
function catalogueStats(resolver: CctResolver) {
  const s = resolver.stats();
  return {
    mode: s.mode,
    entries: s.entries,
    bytes: s.bytes,
    hitRate: Math.round(s.hitRate * 1000) / 1000,
    cmsRequests: s.cmsRequests,
    cmsRequestsSaved: s.cmsRequestsSaved,
  };
}

/** The CCT lookup service's operations. */
export type CctLookup = ReturnType<typeof createCctLookup>;
