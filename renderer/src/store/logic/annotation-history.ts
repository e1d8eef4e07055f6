import type { AnnotationDraft, AnnotationPatch } from '../../../../shared/api/annotations-types.ts';
import type { Annotation } from '../../../../shared/model/annotation.ts';

/** One undoable step of the reader, as the data its inverse needs. */
export type AnnotationStep =
  | { kind: 'create'; annotation: Annotation }
  | { kind: 'remove'; annotations: Annotation[] }
  | { kind: 'update'; id: string; before: AnnotationPatch; after: AnnotationPatch };

export interface AnnotationHistory {
  undo: AnnotationStep[];
  redo: AnnotationStep[];
  /**
   * Undoing a delete creates the annotation again under a new id: the old id maps to it,
   * so older steps that name the old id still reach the annotation.
   */
  alias: Record<string, string>;
}

export const EMPTY_HISTORY: AnnotationHistory = { undo: [], redo: [], alias: {} };
const MAX_STEPS = 200;

export function resolveId(history: AnnotationHistory, id: string): string {
  let current = id;
  for (let i = 0; i < 1000 && history.alias[current] !== undefined; i++) current = history.alias[current] ?? current;
  return current;
}

/** A new step: the redo stack is dropped, as in every editor. */
export function pushStep(history: AnnotationHistory, step: AnnotationStep): AnnotationHistory {
  return { ...history, undo: [...history.undo, step].slice(-MAX_STEPS), redo: [] };
}

/** The fields of an annotation a create needs to bring it back. */
export function draftOf(a: Annotation): AnnotationDraft {
  return {
    attachmentId: a.attachmentId, type: a.type, color: a.color, pageIndex: a.pageIndex, pageLabel: a.pageLabel,
    quads: a.quads, rect: a.rect, text: a.text, prefix: a.prefix, suffix: a.suffix, textOffset: a.textOffset,
    comment: a.comment, tags: a.tags,
  };
}

/** The values a patch would overwrite, taken from the annotation before it: the inverse patch. */
export function inversePatch(a: Annotation, patch: AnnotationPatch): AnnotationPatch {
  const before: AnnotationPatch = {};
  if (patch.color !== undefined) before.color = a.color;
  if (patch.comment !== undefined) before.comment = a.comment;
  if (patch.tags !== undefined) before.tags = a.tags;
  if (patch.quads !== undefined) before.quads = a.quads;
  if (patch.rect !== undefined) before.rect = a.rect;
  return before;
}
