/** BibTeX's predefined month macros (`jan` .. `dec`), which every style expands to English names. */
export const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const MONTH_MACROS: ReadonlyMap<string, string> = new Map(MONTH_ABBREVIATIONS.map((abbr, i) => [abbr, MONTH_NAMES[i] ?? abbr]));

/** 1..12 for `2`, `02`, `feb`, `Feb.`, `February`; null for anything else. */
export function parseMonth(value: string): number | null {
  const v = value.trim().replace(/\.$/, '').toLowerCase();
  if (/^\d{1,2}$/.test(v)) {
    const n = Number(v);
    return n >= 1 && n <= 12 ? n : null;
  }
  if (v.length < 3) return null;
  const i = MONTH_ABBREVIATIONS.indexOf(v.slice(0, 3) as (typeof MONTH_ABBREVIATIONS)[number]);
  if (i < 0) return null;
  const name = MONTH_NAMES[i]?.toLowerCase() ?? '';
  return name.startsWith(v) ? i + 1 : null;
}

/** The month macro (`feb`) for 1..12. */
export function monthMacro(month: number): string | undefined {
  return MONTH_ABBREVIATIONS[month - 1];
}
