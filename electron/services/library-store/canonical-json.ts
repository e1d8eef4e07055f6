/**
 * JSON with object keys sorted at every depth, so the same value always gives
 * the same bytes (small diffs under git or Syncthing). Array order is kept.
 *
 * One JSON.stringify of the value with its keys put in order: an object whose keys already are in order is
 * used as it is, any other is copied with them in order (every item and its CSL are, their names and source
 * fields mostly are not). An object with an array-index key ("0", "12") falls back to building the text piece
 * by piece, since a copy cannot hold such keys in sorted text order.
 */
export function canonicalJson(value: unknown): string {
  const ordered = inKeyOrder(value);
  return ordered === INDEX_KEY ? pieceByPiece(value) : (JSON.stringify(ordered) ?? 'null');
}

const INDEX_KEY: unique symbol = Symbol('array-index key');
const ARRAY_INDEX = /^(?:0|[1-9][0-9]{0,9})$/;

/** `value` with every object's keys in sorted order (the same object where they already are), or INDEX_KEY. */
function inKeyOrder(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return inKeyOrder(withToJson.toJSON());
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      const ordered = inKeyOrder(element);
      if (ordered === INDEX_KEY) return INDEX_KEY;
      if (ordered !== element) (copy ??= value.slice())[i] = ordered;
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let sorted = true;
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      sorted = false;
      break;
    }
  }
  if (!sorted) keys.sort();
  let copy: Record<string, unknown> | null = null;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const field = record[key];
    const ordered = inKeyOrder(field);
    if (ordered === INDEX_KEY) return INDEX_KEY;
    if (copy === null && (!sorted || ordered !== field)) {
      if (!sorted && keys.some((k) => ARRAY_INDEX.test(k))) return INDEX_KEY;
      // A plain object, not Object.create(null): JSON.stringify takes its fast path for these (a third quicker).
      copy = {};
      for (let j = 0; j < i; j++) put(copy, keys[j] as string, record[keys[j] as string]);
    }
    if (copy !== null) put(copy, key, ordered);
  }
  return copy ?? record;
}

/** An own key, "__proto__" too (a plain assignment of that key would set the copy's prototype instead). */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** The same text, built piece by piece. */
function pieceByPiece(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return pieceByPiece(withToJson.toJSON());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const element: unknown = value[i];
      out += element === undefined || typeof element === 'function' || typeof element === 'symbol' ? 'null' : pieceByPiece(element);
    }
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const field = record[key];
    if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + pieceByPiece(field);
    first = false;
  }
  return out + '}';
}
