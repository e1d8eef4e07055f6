export { parseCslJson, type CslJsonParseResult, type CslJsonRecord } from './parse-csl-json.ts';
export { exportCslJson } from './export-csl-json.ts';
export { cslItemProblem, CSL_TYPES } from './csl-schema.ts';
export { dateProblem, daysInMonth, isLeapYear } from './csl-dates.ts';
