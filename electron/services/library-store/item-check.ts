// A hand-written twin of itemSchema (library-doc-schema.ts): zod spends ~7 µs per item, which is
// 350 ms of a 50k-item open. It must never accept what itemSchema rejects; it may reject more,
// since callers ask zod for the final word (and the message) whenever it says no.

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isId = (value: unknown): boolean => typeof value === 'string' && value.length > 0;
const isNumber = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);
const isBool = (value: unknown): boolean => typeof value === 'boolean';

function everyString(value: unknown, nonEmpty: boolean): boolean {
  if (!Array.isArray(value)) return false;
  for (const element of value) {
    if (typeof element !== 'string' || (nonEmpty && element.length === 0)) return false;
  }
  return true;
}

function everyObj(value: unknown, check: (o: Obj) => boolean): boolean {
  if (!Array.isArray(value)) return false;
  for (const element of value) if (!isObj(element) || !check(element)) return false;
  return true;
}

function attachmentOk(a: Obj): boolean {
  return isId(a.id) && isString(a.path) && isString(a.fileName) && isString(a.mediaType) && isNumber(a.size) && isString(a.sha256) && isString(a.addedAt);
}

const ANNOTATION_TYPES = new Set(['highlight', 'underline', 'note', 'area']);

function numbers(value: unknown, length: number): boolean {
  if (!Array.isArray(value) || value.length !== length) return false;
  for (const n of value) if (!isNumber(n)) return false;
  return true;
}

/** A for loop, not every(): every() skips the holes of a sparse array, which zod rejects. */
function everyQuad(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!numbers(value[i], 8)) return false;
  return true;
}

function annotationOk(a: Obj): boolean {
  return (
    isId(a.id) && isId(a.attachmentId) && ANNOTATION_TYPES.has(a.type as string) && isString(a.color) &&
    Number.isInteger(a.pageIndex) && (a.pageIndex as number) >= 0 && isString(a.pageLabel) &&
    everyQuad(a.quads) && numbers(a.rect, 4) &&
    isString(a.text) && isString(a.prefix) && isString(a.suffix) && Number.isInteger(a.textOffset) &&
    isString(a.comment) && everyString(a.tags, false) && isString(a.createdAt) && isString(a.modifiedAt) &&
    (a.orphaned === undefined || isBool(a.orphaned)) && (a.pdfFingerprint === undefined || isString(a.pdfFingerprint))
  );
}

function sourceOk(s: unknown): boolean {
  return isObj(s) && isString(s.entryType) && isString(s.key) && everyObj(s.fields, (f) => isString(f.name) && isString(f.raw));
}

function noteOk(n: unknown): boolean {
  return n === null || (isObj(n) && isString(n.markdown) && isString(n.modifiedAt));
}

/** True when `value` certainly has the Item shape; false means "ask itemSchema". */
export function isItemShaped(value: unknown): boolean {
  if (!isObj(value)) return false;
  const v = value;
  return (
    isId(v.id) && isString(v.citationKey) && isBool(v.keyPinned) &&
    isObj(v.csl) && isString(v.csl.type) &&
    everyString(v.tags, false) && everyString(v.collections, true) &&
    (v.read === 'unread' || v.read === 'reading' || v.read === 'read') &&
    isNumber(v.rating) && isBool(v.flagged) &&
    isString(v.addedAt) && isString(v.modifiedAt) && (v.trashedAt === null || isString(v.trashedAt)) &&
    everyObj(v.attachments, attachmentOk) && noteOk(v.note) && everyObj(v.annotations, annotationOk) &&
    (v.source === undefined || sourceOk(v.source)) &&
    (v.editedFields === undefined || everyString(v.editedFields, false)) &&
    (v.metadataPending === undefined || isBool(v.metadataPending))
  );
}
