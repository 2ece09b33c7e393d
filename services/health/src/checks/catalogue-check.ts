import type { HealthCheck } from '../check.js';

/** What the pipeline knows of its CCT catalogue right now. */
export interface CatalogueState {
  readonly mode: 'preloaded' | 'on-demand' | 'none';
  readonly entries: number;
  readonly reason: string;
  /** The resolver's figures so far (hit rate, CMS requests saved, bytes). */
  readonly stats?: Readonly<Record<string, number | string>>;
}

/**
 * The CCT catalogue is usable. Without one, rows still load but their
 * school links stay empty, so this is a warning.
 */
export function catalogueCheck(state: () => Promise<CatalogueState>): HealthCheck {
  return {
    name: 'cct-catalogue',
    async run() {
      const s = await state();
      if (s.mode === 'none') {
        return {
          status: 'warning',
          message: `no CCT catalogue: schools will not be linked (${s.reason})`,
          details: { ...s },
        };
      }
      return {
        status: 'healthy',
        message: `CCT catalogue ${s.mode}` +
          (s.mode === 'preloaded' ? ` with ${s.entries} entries` : '') +
          ` (${s.reason})`,
        details: { ...s },
      };
    },
  };
}
