/** Whether year-month-day names a day of the Gregorian calendar. */
export function isCalendarDate(year: number, month: number, day: number) {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Six digits `YYMMDD` of a date, as CURP and RFC carry it. */
export function yymmdd(year: number, month: number, day: number): string {
  const two = (value: number) => String(value % 100).padStart(2, '0');
  return two(year) + two(month) + two(day);
}
