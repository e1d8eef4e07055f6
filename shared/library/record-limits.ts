/**
 * Bounds on one record (an item, its CSL-JSON, a note): whatever enters the library must be plain
 * JSON data that every later step (journal, library.json, exports, the window) can serialise and
 * render. Checked where records enter and once more before the store commits, so one hostile value
 * can never stop the saving of everything else. The walk is iterative: depth cannot overflow the stack.
 */

export interface RecordLimits {
  /** Nesting of objects and arrays below the record itself. Real CSL needs 4 (csl.author[0].family). */
  maxDepth: number;
  /** Objects, arrays and scalars together. 5,000 authors of a physics paper are ~20k. */
  maxNodes: number;
  /** UTF-16 units over all strings and keys; a 10 MB abstract fits. */
  maxChars: number;
}

export const RECORD_LIMITS: RecordLimits = {
  maxDepth: 32,
  maxNodes: 500_000,
  maxChars: 32 * 1024 * 1024,
};

/** A note is one string; the same character budget as a whole record. */
export const MAX_NOTE_CHARS = RECORD_LIMITS.maxChars;

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function pathText(path: string): string {
  return path === '' ? 'the record' : `"${path}"`;
}

/**
 * Null when `value` is plain JSON data within the limits; otherwise one sentence naming the field:
 * `"x.a.a.a…" is nested more than 32 levels deep`. `undefined` object members are allowed (JSON drops them).
 */
export function recordValueProblem(value: unknown, limits: RecordLimits = RECORD_LIMITS): string | null {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value, depth: 0, path: '' }];
  let nodes = 0;
  let chars = 0;
  while (stack.length > 0) {
    const { value: current, depth, path } = stack.pop() as { value: unknown; depth: number; path: string };
    nodes++;
    if (nodes > limits.maxNodes) return `the record has more than ${limits.maxNodes} values`;
    switch (typeof current) {
      case 'string':
        chars += current.length;
        if (chars > limits.maxChars) return `${pathText(path)} makes the record longer than ${limits.maxChars} characters`;
        continue;
      case 'number':
        if (!Number.isFinite(current)) return `${pathText(path)} is not a finite number`;
        continue;
      case 'boolean':
        continue;
      case 'object':
        break;
      default:
        return `${pathText(path)} is a ${kindOf(current)}, which JSON cannot hold`;
    }
    if (current === null) continue;
    if (depth >= limits.maxDepth) return `${pathText(shortPath(path))} is nested more than ${limits.maxDepth} levels deep`;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        const element: unknown = current[i];
        if (element === undefined) return `${pathText(`${path}[${i}]`)} is empty (undefined), which JSON cannot hold`;
        stack.push({ value: element, depth: depth + 1, path: `${path}[${i}]` });
      }
      continue;
    }
    if (!isPlainObject(current)) return `${pathText(path)} is not plain data (${current.constructor?.name ?? 'object'})`;
    for (const key of Object.keys(current)) {
      chars += key.length;
      if (chars > limits.maxChars) return `${pathText(path)} makes the record longer than ${limits.maxChars} characters`;
      const member = (current as Record<string, unknown>)[key];
      if (member === undefined) continue;
      stack.push({ value: member, depth: depth + 1, path: path === '' ? key : `${path}.${key}` });
    }
  }
  return null;
}

/** "x.a.a.a.a…" rather than 5,000 segments in a message. */
function shortPath(path: string): string {
  return path.length > 80 ? `${path.slice(0, 80)}…` : path;
}
