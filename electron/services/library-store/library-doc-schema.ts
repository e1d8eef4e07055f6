import { z } from 'zod';
import { recordValueProblem } from '../../../shared/library/record-limits.ts';
import { isItemShaped } from './item-check.ts';
import type { LibraryOp } from './library-store.ts';

// These schemas only check: the parsed output is thrown away and callers keep their own objects,
// so unknown keys survive. Plain z.object (which accepts unknown keys) is used because zod's
// compiled fast path makes it about twice as quick as looseObject on 50k items at open.

const id = z.string().min(1);
const text = z.string();

const attachment = z.object({
  id,
  path: text,
  fileName: text,
  mediaType: text,
  size: z.number(),
  sha256: text,
  addedAt: text,
});

const num = z.number().finite();
const annotation = z.object({
  id,
  attachmentId: id,
  type: z.enum(['highlight', 'underline', 'note', 'area']),
  color: text,
  pageIndex: z.number().int().min(0),
  pageLabel: text,
  quads: z.array(z.array(num).length(8)),
  rect: z.array(num).length(4),
  text,
  prefix: text,
  suffix: text,
  textOffset: z.number().int(),
  comment: text,
  tags: z.array(text),
  createdAt: text,
  modifiedAt: text,
  orphaned: z.boolean().optional(),
  relocated: z.boolean().optional(),
  pdfFingerprint: text.optional(),
});

const bibtexSource = z.object({
  entryType: text,
  key: text,
  fields: z.array(z.object({ name: text, raw: text })),
});

export const itemSchema = z.object({
  id,
  citationKey: text,
  keyPinned: z.boolean(),
  csl: z.object({ type: text }),
  tags: z.array(text),
  collections: z.array(id),
  read: z.enum(['unread', 'reading', 'read']),
  rating: z.number(),
  flagged: z.boolean(),
  addedAt: text,
  modifiedAt: text,
  trashedAt: text.nullable(),
  attachments: z.array(attachment),
  note: z.object({ markdown: text, modifiedAt: text }).nullable(),
  annotations: z.array(annotation),
  source: bibtexSource.optional(),
  editedFields: z.array(text).optional(),
  metadataPending: z.boolean().optional(),
});

export const collectionSchema = z.object({
  id,
  name: text,
  parentId: id.nullable(),
  createdAt: text,
});

export const settingsSchema = z.object({
  keyPattern: text,
  citeCommand: text,
  autoExports: z.array(
    z.object({
      id,
      path: text,
      format: z.enum(['bibtex', 'biblatex', 'csl-json', 'ris']),
      collectionId: text.nullable(),
      savedSearch: text.nullable().optional(),
      shared: z.boolean().optional(),
    }),
  ),
  notDuplicates: z.array(z.tuple([text, text])),
  savedSearches: z.array(z.object({ name: text, query: text })).optional(),
});

/** Everything in library.json except the items, which are checked one by one. */
export const docHeaderSchema = z.object({
  schemaVersion: z.number().int().min(0),
  journalSeq: z.number().int().min(0),
  settings: settingsSchema,
  collections: z.array(collectionSchema),
});

const opSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('putItems'), items: z.array(itemSchema) }),
  z.object({ op: z.literal('deleteItems'), ids: z.array(id) }),
  z.object({ op: z.literal('putCollections'), collections: z.array(collectionSchema) }),
  z.object({ op: z.literal('deleteCollections'), ids: z.array(id) }),
  z.object({ op: z.literal('setSettings'), settings: settingsSchema }),
]);

const opsSchema = z.array(opSchema);

export const journalRecordSchema = z.object({ seq: z.number().int().min(1), ops: z.array(opSchema) });

/** Returns the first problem found, or null when the document has the LibraryDoc shape. */
export function libraryDocProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the top level is not a JSON object';
  const header = docHeaderSchema.safeParse(value);
  if (!header.success) return describe(header.error);
  const items = (value as { items?: unknown }).items;
  if (!Array.isArray(items)) return '"items" is not a list';
  for (let i = 0; i < items.length; i++) {
    const problem = itemProblem(items[i]);
    if (problem) return `item ${i + 1}: ${problem}`;
  }
  return null;
}

export function itemProblem(value: unknown): string | null {
  if (isItemShaped(value)) return null;
  const result = itemSchema.safeParse(value);
  return result.success ? null : describe(result.error);
}

/** Ops come from other services; a malformed one must never reach the journal, or it would poison every later open. */
export function opsProblem(ops: unknown): string | null {
  const shape = opsShapeProblem(ops);
  if (shape) return shape;
  // The last guard before the journal: whatever the door let through must still serialise, at any depth or size.
  for (const op of ops as LibraryOp[]) {
    const problem = opValueProblem(op);
    if (problem) return problem;
  }
  return null;
}

/**
 * opsSchema's verdict, with the items of putItems checked by itemProblem: the hand-written check
 * first, zod only when it says no (a 50k-item import spends ~350 ms in zod otherwise).
 */
function opsShapeProblem(ops: unknown): string | null {
  if (!Array.isArray(ops)) {
    const result = opsSchema.safeParse(ops);
    return result.success ? null : describe(result.error);
  }
  for (let i = 0; i < ops.length; i++) {
    const op: unknown = ops[i];
    const items = typeof op === 'object' && op !== null && (op as { op?: unknown }).op === 'putItems' ? (op as { items?: unknown }).items : undefined;
    if (!Array.isArray(items)) {
      const result = opSchema.safeParse(op);
      if (!result.success) return `${i}.${describe(result.error)}`;
      continue;
    }
    for (let j = 0; j < items.length; j++) {
      const problem = itemProblem(items[j]);
      if (problem) return `${i}.items.${j}.${problem}`;
    }
  }
  return null;
}

function opValueProblem(op: LibraryOp): string | null {
  if (op.op === 'putItems') {
    for (const item of op.items) {
      const problem = recordValueProblem(item);
      if (problem) return `item ${item.citationKey || item.id}: ${problem}`;
    }
    return null;
  }
  if (op.op === 'putCollections') return recordValueProblem(op.collections);
  if (op.op === 'setSettings') return recordValueProblem(op.settings);
  return null;
}

export function isJournalRecord(value: unknown): value is { seq: number; ops: LibraryOp[] } {
  return journalRecordSchema.safeParse(value).success;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'value';
  return `${where}: ${issue.message}`;
}
