/**
 * Bounds on one record (an item, its CSL-JSON, a note): whatever enters the library must be plain
 * JSON data that every later step (journal, library.json, exports, the window) can serialise and
 * render. Checked where records enter and once more before the store commits, so one hostile value
 * can never stop the saving of everything else. Depth cannot overflow the stack: the quick count recurses only
 * after checking the depth limit (32), and the walk that names a field is iterative.
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

/** Where a value sits, kept as a parent chain so the walk builds no strings unless it reports one. */
interface Place {
  value: unknown;
  depth: number;
  parent: Place | null;
  key: string | number;
}

function pathOf(place: Place): string {
  const parts: string[] = [];
  for (let at: Place | null = place; at?.parent; at = at.parent) parts.push(typeof at.key === 'number' ? `[${at.key}]` : `.${at.key}`);
  return parts.reverse().join('').replace(/^\./, '');
}

function pathText(place: Place): string {
  const path = shortPath(pathOf(place));
  return path === '' ? 'the record' : `"${path}"`;
}

/**
 * Null when `value` is plain JSON data within the limits; otherwise one sentence naming the field:
 * `"x.a.a.a…" is nested more than 32 levels deep`. `undefined` object members are allowed (JSON drops them).
 */
export function recordValueProblem(value: unknown, limits: RecordLimits = RECORD_LIMITS): string | null {
  // Nearly every record is fine: a walk that only counts says so without a place per value (a third of the
  // time). Only a record it doubts goes through the walk that can name the field.
  const tally = { nodes: 0, chars: 0 };
  // The count recurses, so only under a depth limit the stack surely holds.
  if (limits.maxDepth <= 1_000 && fits(value, 0, limits, tally)) return null;
  return problemOf(value, limits);
}

/**
 * Whether the value is within the limits, by the same rules as problemOf: the totals do not depend on the order of
 * the walk, and recursion is bounded by the depth limit, checked before each step down.
 */
function fits(value: unknown, depth: number, limits: RecordLimits, tally: { nodes: number; chars: number }): boolean {
  if (++tally.nodes > limits.maxNodes) return false;
  switch (typeof value) {
    case 'string':
      tally.chars += value.length;
      return tally.chars <= limits.maxChars;
    case 'number':
      return Number.isFinite(value);
    case 'boolean':
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (depth >= limits.maxDepth) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      if (element === undefined || !fits(element, depth + 1, limits, tally)) return false;
    }
    return true;
  }
  if (!isPlainObject(value)) return false;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    tally.chars += key.length;
    if (tally.chars > limits.maxChars) return false;
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined && !fits(member, depth + 1, limits, tally)) return false;
  }
  return true;
}

function problemOf(value: unknown, limits: RecordLimits): string | null {
  const stack: Place[] = [{ value, depth: 0, parent: null, key: '' }];
  let nodes = 0;
  let chars = 0;
  while (stack.length > 0) {
    const place = stack.pop() as Place;
    const current = place.value;
    nodes++;
    if (nodes > limits.maxNodes) return `the record has more than ${limits.maxNodes} values`;
    switch (typeof current) {
      case 'string':
        chars += current.length;
        if (chars > limits.maxChars) return `${pathText(place)} makes the record longer than ${limits.maxChars} characters`;
        continue;
      case 'number':
        if (!Number.isFinite(current)) return `${pathText(place)} is not a finite number`;
        continue;
      case 'boolean':
        continue;
      case 'object':
        break;
      default:
        return `${pathText(place)} is a ${kindOf(current)}, which JSON cannot hold`;
    }
    if (current === null) continue;
    if (place.depth >= limits.maxDepth) return `${pathText(place)} is nested more than ${limits.maxDepth} levels deep`;
    const depth = place.depth + 1;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        const element: unknown = current[i];
        if (element === undefined) return `${pathText({ value: element, depth, parent: place, key: i })} is empty (undefined), which JSON cannot hold`;
        // Strings and booleans are settled here: no stack entry for most of a record's values.
        if (typeof element === 'string' && chars + element.length <= limits.maxChars && ++nodes <= limits.maxNodes) chars += element.length;
        else if (typeof element === 'boolean' && ++nodes <= limits.maxNodes) continue;
        else stack.push({ value: element, depth, parent: place, key: i });
      }
      continue;
    }
    if (!isPlainObject(current)) return `${pathText(place)} is not plain data (${current.constructor?.name ?? 'object'})`;
    for (const key in current) {
      if (!Object.hasOwn(current, key)) continue;
      chars += key.length;
      if (chars > limits.maxChars) return `${pathText(place)} makes the record longer than ${limits.maxChars} characters`;
      const member = (current as Record<string, unknown>)[key];
      if (member === undefined) continue;
      if (typeof member === 'string' && chars + member.length <= limits.maxChars && ++nodes <= limits.maxNodes) chars += member.length;
      else if (typeof member === 'boolean' && ++nodes <= limits.maxNodes) continue;
      else stack.push({ value: member, depth, parent: place, key });
    }
  }
  return null;
}

/** "x.a.a.a.a…" rather than 5,000 segments in a message. */
function shortPath(path: string): string {
  return path.length > 80 ? `${path.slice(0, 80)}…` : path;
}
