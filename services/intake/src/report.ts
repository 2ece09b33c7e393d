import type { RowIssue } from '@apilados/domain';

/** The error report's header line. */
export const REPORT_HEADER = 'row,participant_id,column,value,severity,reason';

/**
 * One CSV line of the error report. Cells that a spreadsheet would read
 * as a formula (starting with = + - @, tab or carriage return) get a
 * leading apostrophe.
 */
export function reportLine(issue: RowIssue): string {
  return [
    String(issue.row),
    issue.participantId ?? '',
    issue.column ?? '',
    issue.value ?? '',
    issue.severity,
    issue.reason,
  ]
    .map((cell) => quote(neutralise(cell)))
    .join(',');
}

/** Defuses a cell a spreadsheet would evaluate as a formula. */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
