import {
  checkCatalogue,
  forcedCctMode,
  formatCatalogueCheck,
} from '@apilados/cct-catalogue';
import { loadSettings } from '@apilados/config';

/** Options of `apilados ccts check`. */
export interface CctsCheckOptions {
  readonly budgetMb?: number;
  readonly json?: boolean;
}

/**
 * Reads a CCT catalogue the way the pipeline would and prints its entries,
 * bad lines, memory and the mode the budget leads to. Returns the exit
 * code: 0 when it is usable, 2 when it has bad lines.
 */
export async function cctsCheck(path: string, options: CctsCheckOptions): Promise<number> {
  const settings = loadSettings();
  const budgetMb = options.budgetMb ?? settings.ccts.maxMemoryMb;
  const forced = forcedCctMode(settings.ccts.usePreloading);
  const check = await checkCatalogue(path, { budgetMb, forced });
  if (options.json) process.stdout.write(JSON.stringify(check) + '\n');
  else process.stdout.write(formatCatalogueCheck(check) + '\n');
  return check.stats.badLines > 0 ? 2 : 0;
}
