import { vi } from 'vitest';

/** Lines written to stdout while capturing: JSON logs and EMF metrics. */
export interface CapturedOutput {
  readonly lines: string[];
  /** The lines that parse as JSON objects. */
  records(): Record<string, unknown>[];
  /** The EMF values recorded for `metric`, in order. */
  metric(name: string): number[];
  /** The distinct namespaces of the EMF records. */
  namespaces(): string[];
  restore(): void;
}

/** Captures (and silences) what the functions write to stdout. */
export function captureStdout(): CapturedOutput {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(...String(chunk).split('\n').filter((l) => l.trim() !== ''));
    return true;
  });
  const records = () =>
    lines.flatMap((line) => {
      try {
        const value = JSON.parse(line) as unknown;
        return value && typeof value === 'object' ? [value as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });
  return {
    lines,
    records,
    metric(name) {
      return records()
        .filter((r) => '_aws' in r && name in r)
        .flatMap((r) => [r[name]].flat() as number[]);
    },
    namespaces() {
      const names = records().flatMap((r) => {
        const emf = r._aws as { CloudWatchMetrics?: { Namespace: string }[] } | undefined;
        return (emf?.CloudWatchMetrics ?? []).map((m) => m.Namespace);
      });
      return [...new Set(names)];
    },
    restore: () => spy.mockRestore(),
  };
}
