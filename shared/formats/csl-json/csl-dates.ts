/** Calendar checks shared by the importers: month 13 and February 30 are errors, not dates. */

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why year/month/day cannot be a date, or null when it can. Month 13-16 are not allowed:
 * CSL-JSON writes seasons in `season`, and RIS has no seasons in its numeric part.
 */
export function dateProblem(year: number, month?: number, day?: number): string | null {
  if (!Number.isInteger(year) || year < -9999 || year > 9999) return `year ${year} is not a year`;
  if (month === undefined) return day === undefined ? null : 'a day without a month';
  if (!Number.isInteger(month) || month < 1 || month > 12) return `month ${month} does not exist`;
  if (day === undefined) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return `day ${day} does not exist in month ${month} of ${year}`;
  return null;
}
