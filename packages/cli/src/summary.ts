import { COLLECTION_NAMES, type CollectionName, type RowCounts } from '@apilados/domain';

/** What `apilados ingest` reports at the end; `--json` prints exactly this. */
export interface LoadSummary {
  readonly file: string;
  readonly fileId: string | null;
  readonly status: 'completed' | 'rejected' | 'stopped';
  /** Why the file was refused or the load stopped. */
  readonly reason: string | null;
  readonly dryRun: boolean;
  readonly store: string;
  readonly rows: RowCounts;
  readonly created: Record<CollectionName, number>;
  readonly chunks: number;
  readonly problems: number;
  readonly report: string | null;
  readonly cct: { readonly mode: string; readonly entries: number };
  readonly requests: { readonly total: number; readonly perRow: number };
  readonly elapsedMs: number;
  readonly rowsPerSecond: number;
  /** The process's peak resident memory, in MB. */
  readonly peakRssMb: number;
}

/** The exit code for a summary: 0 all loaded, 2 rows failed, 1 otherwise. */
export function exitCodeOf(summary: LoadSummary): number {
  if (summary.status !== 'completed') return 1;
  return summary.rows.failed > 0 ? 2 : 0;
}

/** The summary as a few lines for a person. */
export function formatSummary(s: LoadSummary): string {
  const lines: string[] = [];
  const verb = s.dryRun ? 'checked (dry run, nothing written)' : 'loaded';
  if (s.status === 'completed') lines.push(`${s.file}: ${verb}`);
  else lines.push(`${s.file}: ${s.status}: ${s.reason}`);

  const r = s.rows;
  lines.push(
    `  rows      read ${r.read} · loaded ${r.loaded} · failed ${r.failed}` +
      ` · loaded with warnings ${r.warnings}`,
  );
  const created = COLLECTION_NAMES.filter((n) => s.created[n] > 0)
    .map((n) => `${n} ${s.created[n]}`);
  lines.push(`  created   ${created.length ? created.join(', ') : 'nothing new'}`);
  if (s.report) lines.push(`  report    ${s.report} (${s.problems} problems)`);
  lines.push(`  cct       ${s.cct.mode}${s.cct.entries ? `, ${s.cct.entries} in catalogue` : ''}`);
  lines.push(`  store     ${s.store}` +
    (s.requests.total ? ` · ${s.requests.total} requests (${s.requests.perRow} per row)` : ''));
  lines.push(
    `  time      ${(s.elapsedMs / 1000).toFixed(1)} s · ${s.rowsPerSecond} rows/s` +
      ` · peak memory ${s.peakRssMb} MB`,
  );
  return lines.join('\n');
}
