import { SingleBar } from 'cli-progress';
import type { LoadProgress } from '@apilados/local-runtime';

/**
 * A terminal progress bar on stderr: rows persisted out of rows read so
 * far, and chunks. Does nothing when stderr is not a terminal.
 */
export function progressBar(enabled: boolean) {
  if (!enabled || !process.stderr.isTTY) {
    return { update: (_p: LoadProgress) => undefined, stop: () => undefined };
  }
  const bar = new SingleBar({
    stream: process.stderr,
    format: '{bar} {value}/{total} rows · {chunks} chunks · {eta_formatted}',
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(0, 0, { chunks: '0' });
  return {
    update(p: LoadProgress) {
      bar.setTotal(Math.max(p.rowsRead, 1));
      const chunks = p.chunksTotal ? `${p.chunksDone}/${p.chunksTotal}` : String(p.chunksDone);
      bar.update(p.rowsDone, { chunks });
    },
    stop: () => bar.stop(),
  };
}
