import type { ImportIssue } from '../import-issue.ts';
import type { CslItemData } from '../../model/csl.ts';
import { cslItemProblem } from './csl-schema.ts';
import { jsonErrorPosition, linesOfOffsets, topLevelElementOffsets } from './json-positions.ts';

export interface CslJsonRecord {
  csl: CslItemData;
  /** 1-based line where the record's object starts. */
  line: number;
}

export interface CslJsonParseResult {
  records: CslJsonRecord[];
  issues: ImportIssue[];
}

function keyOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id } = value as { id?: unknown };
  return typeof id === 'string' && id !== '' ? id : typeof id === 'number' ? String(id) : undefined;
}

/**
 * Reads CSL-JSON: an array of items (or one item). Each item is checked on its own and a bad one
 * is reported with its number and line while the others import. Text that is not JSON at all
 * gives one issue at the line and column where parsing stopped.
 */
export function parseCslJson(text: string, fileName: string): CslJsonParseResult {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return { records: [], issues: [{ file: fileName, line: 1, reason: 'the file is empty' }] };
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { line, column } = jsonErrorPosition(source, message);
    return { records: [], issues: [{ file: fileName, line, reason: `not valid JSON (column ${column}): ${message}` }] };
  }

  let items: unknown[];
  let lines: number[];
  if (Array.isArray(data)) {
    items = data;
    lines = linesOfOffsets(source, topLevelElementOffsets(source));
  } else if (typeof data === 'object' && data !== null) {
    items = [data];
    lines = linesOfOffsets(source, [source.indexOf('{')]);
  } else {
    return { records: [], issues: [{ file: fileName, line: 1, reason: 'expected a list of CSL-JSON items' }] };
  }

  const records: CslJsonRecord[] = [];
  const issues: ImportIssue[] = [];
  items.forEach((item, index) => {
    const line = lines[index] ?? 1;
    const problem = cslItemProblem(item);
    if (problem === null) {
      records.push({ csl: item as CslItemData, line });
      return;
    }
    const key = keyOf(item);
    const reason = `record ${index + 1} ${problem}; skipped`;
    issues.push(key ? { file: fileName, line, reason, key } : { file: fileName, line, reason });
  });
  return { records, issues };
}
