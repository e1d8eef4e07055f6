import { MAX_OP_LINE, operationProblem, parseJsonStrict } from './op-validate.ts';
import type { SyncOp } from './operations.ts';

/**
 * Reading a log that a file-sync engine may still be delivering: only complete lines count. A torn last line is
 * left for the next read (its bytes are not consumed); a bad complete line is reported and skipped.
 */

export interface LineProblem {
  /** 1-based line number within the file. */
  line: number;
  message: string;
}

export interface ReadLines {
  ops: SyncOp[];
  problems: LineProblem[];
  /** Characters consumed: every complete line. The rest is a torn line waiting for its end. */
  consumed: number;
  /** Complete lines consumed. */
  lines: number;
}

/**
 * Parses `text` (the file from a line boundary on); `firstLine` numbers the lines for messages. `whole` makes a
 * checked line's operation whole (a created item written in its stored form) or says what is wrong with it.
 */
export function readOpLines(text: string, deviceId: string | null, firstLine = 1, whole: (op: SyncOp) => SyncOp | string = (op) => op): ReadLines {
  const ops: SyncOp[] = [];
  const problems: LineProblem[] = [];
  let start = 0;
  let lineNo = firstLine;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end < 0) break;
    const line = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    const here = lineNo++;
    if (line.trim() === '') continue;
    if (line.length > MAX_OP_LINE) {
      problems.push({ line: here, message: `a record of ${line.length} characters (at most ${MAX_OP_LINE}) was rejected` });
      continue;
    }
    let record: unknown;
    try {
      record = parseJsonStrict(line);
    } catch (error) {
      problems.push({ line: here, message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` });
      continue;
    }
    const problem = operationProblem(record, deviceId);
    if (problem) {
      problems.push({ line: here, message: `rejected: ${problem}` });
      continue;
    }
    const op = whole(record as SyncOp);
    if (typeof op === 'string') {
      problems.push({ line: here, message: `rejected: ${op}` });
      continue;
    }
    ops.push(op);
  }
  return { ops, problems, consumed: start, lines: lineNo - firstLine };
}

/** One operation as a log line. */
export function opLine(op: SyncOp): string {
  return `${JSON.stringify(op)}\n`;
}
