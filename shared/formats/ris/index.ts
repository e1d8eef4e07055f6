export { parseRis, type RisParseResult, type RisRecord } from './parse-ris.ts';
export { exportRis } from './export-ris.ts';
export { RIS_TO_CSL_TYPE, CSL_TO_RIS_TYPE } from './ris-types.ts';
