import type { AnnotationDraft, AnnotationPatch, AnnotationsChangedEvent } from '../../../shared/api/annotations-types.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { AttachmentId, ItemId } from '../../../shared/model/ids.ts';
import { downloadBase64File, getFolio, saveTextFile } from '../platform/index.ts';
import { comparePageOrder, NO_ANNOTATION_FILTER, type AnnotationFilter } from './logic/annotation-filter.ts';
import {
  draftOf, EMPTY_HISTORY, inversePatch, pushStep, resolveId, type AnnotationHistory, type AnnotationStep,
} from './logic/annotation-history.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

export interface AnnotationsSlice {
  /** Each open item's annotations, in page order; a new array on every change. */
  annotationsByItem: Record<string, readonly Annotation[]>;
  annotationFilter: Record<string, AnnotationFilter>;
  /** The annotations picked in the sidebar (or by a click on the page), per item. */
  annotationSelection: Record<string, readonly string[]>;
  annotationHistory: Record<string, AnnotationHistory>;
  loadAnnotations(itemId: ItemId): Promise<void>;
  createAnnotation(itemId: ItemId, draft: AnnotationDraft): Promise<Annotation | null>;
  updateAnnotation(itemId: ItemId, id: string, patch: AnnotationPatch): Promise<void>;
  removeAnnotations(itemId: ItemId, ids: readonly string[]): Promise<void>;
  undoAnnotation(itemId: ItemId): Promise<void>;
  redoAnnotation(itemId: ItemId): Promise<void>;
  setAnnotationFilter(itemId: ItemId, patch: Partial<AnnotationFilter>): void;
  selectAnnotations(itemId: ItemId, ids: readonly string[]): void;
  applyAnnotationsChange(event: AnnotationsChangedEvent): void;
  /** Quote blocks for the annotations (null: all, "Create note from annotations") appended to the item's note. */
  addAnnotationsToNote(itemId: ItemId, ids: readonly string[] | null): Promise<void>;
  /** The annotations (null: all) as Markdown, saved as a file. */
  exportAnnotationsMarkdown(itemId: ItemId, ids: readonly string[] | null, fileStem: string): Promise<void>;
  /** A copy of the PDF with the item's annotations written in as PDF annotation objects, downloaded. */
  exportAnnotatedPdf(itemId: ItemId, attachmentId: AttachmentId): Promise<void>;
}

function merged(list: readonly Annotation[], changed: readonly Annotation[], removed: readonly string[]): Annotation[] {
  const drop = new Set([...removed, ...changed.map((a) => a.id)]);
  return [...list.filter((a) => !drop.has(a.id)), ...changed].sort(comparePageOrder);
}

export const createAnnotationsSlice: SliceCreator<AnnotationsSlice> = (set, get) => {
  const api = () => getFolio().annotations;
  const history = (itemId: ItemId): AnnotationHistory => get().annotationHistory[itemId] ?? EMPTY_HISTORY;
  const setHistory = (itemId: ItemId, h: AnnotationHistory): void => set({ annotationHistory: { ...get().annotationHistory, [itemId]: h } });
  const patchList = (itemId: ItemId, changed: readonly Annotation[], removed: readonly string[]): void => {
    const list = get().annotationsByItem[itemId];
    if (!list) return;
    set({ annotationsByItem: { ...get().annotationsByItem, [itemId]: merged(list, changed, removed) } });
  };
  const fail = (what: string, error: unknown): void => get().pushToast('error', `Could not ${what}: ${errorMessage(error)}`);

  /** Runs a step forwards (redo) or backwards (undo); returns the step as it now reads (new ids after a re-create). */
  async function run(itemId: ItemId, step: AnnotationStep, backwards: boolean): Promise<AnnotationStep> {
    const h = history(itemId);
    const recreate = async (annotations: readonly Annotation[]): Promise<Annotation[]> => {
      const made: Annotation[] = [];
      const alias = { ...history(itemId).alias };
      for (const a of annotations) {
        const again = await api().create(itemId, draftOf(a));
        alias[a.id] = again.id;
        made.push(again);
      }
      setHistory(itemId, { ...history(itemId), alias });
      patchList(itemId, made, []);
      return made;
    };
    const remove = async (ids: string[]): Promise<void> => {
      await api().remove(itemId, ids);
      patchList(itemId, [], ids);
    };
    switch (step.kind) {
      case 'create':
        if (backwards) await remove([resolveId(h, step.annotation.id)]);
        else await recreate([step.annotation]);
        return step;
      case 'remove':
        if (backwards) await recreate(step.annotations);
        else await remove(step.annotations.map((a) => resolveId(h, a.id)));
        return step;
      case 'update': {
        const updated = await api().update(itemId, resolveId(h, step.id), backwards ? step.before : step.after);
        patchList(itemId, [updated], []);
        return step;
      }
    }
  }

  return {
    annotationsByItem: {},
    annotationFilter: {},
    annotationSelection: {},
    annotationHistory: {},

    async loadAnnotations(itemId) {
      try {
        const list = await api().list(itemId);
        set({ annotationsByItem: { ...get().annotationsByItem, [itemId]: [...list].sort(comparePageOrder) } });
      } catch (error) {
        fail('load the annotations', error);
      }
    },

    async createAnnotation(itemId, draft) {
      try {
        const made = await api().create(itemId, draft);
        patchList(itemId, [made], []);
        setHistory(itemId, pushStep(history(itemId), { kind: 'create', annotation: made }));
        get().refreshRows([itemId]);
        return made;
      } catch (error) {
        fail('save the annotation', error);
        return null;
      }
    },

    async updateAnnotation(itemId, id, patch) {
      const before = get().annotationsByItem[itemId]?.find((a) => a.id === id);
      if (!before) return;
      try {
        const updated = await api().update(itemId, id, patch);
        patchList(itemId, [updated], []);
        setHistory(itemId, pushStep(history(itemId), { kind: 'update', id, before: inversePatch(before, patch), after: patch }));
      } catch (error) {
        fail('save the annotation', error);
      }
    },

    async removeAnnotations(itemId, ids) {
      const gone = (get().annotationsByItem[itemId] ?? []).filter((a) => ids.includes(a.id));
      if (gone.length === 0) return;
      try {
        await api().remove(itemId, gone.map((a) => a.id));
        patchList(itemId, [], ids);
        setHistory(itemId, pushStep(history(itemId), { kind: 'remove', annotations: gone }));
        const selection = (get().annotationSelection[itemId] ?? []).filter((id) => !ids.includes(id));
        set({ annotationSelection: { ...get().annotationSelection, [itemId]: selection } });
        get().refreshRows([itemId]);
      } catch (error) {
        fail('delete the annotation', error);
      }
    },

    async undoAnnotation(itemId) {
      const h = history(itemId);
      const step = h.undo.at(-1);
      if (!step) return;
      setHistory(itemId, { ...h, undo: h.undo.slice(0, -1) });
      try {
        await run(itemId, step, true);
        const now = history(itemId);
        setHistory(itemId, { ...now, redo: [...now.redo, step] });
      } catch (error) {
        fail('undo', error);
      }
    },

    async redoAnnotation(itemId) {
      const h = history(itemId);
      const step = h.redo.at(-1);
      if (!step) return;
      setHistory(itemId, { ...h, redo: h.redo.slice(0, -1) });
      try {
        await run(itemId, step, false);
        const now = history(itemId);
        setHistory(itemId, { ...now, undo: [...now.undo, step] });
      } catch (error) {
        fail('redo', error);
      }
    },

    setAnnotationFilter(itemId, patch) {
      const f = { ...(get().annotationFilter[itemId] ?? NO_ANNOTATION_FILTER), ...patch };
      set({ annotationFilter: { ...get().annotationFilter, [itemId]: f } });
    },

    selectAnnotations(itemId, ids) {
      set({ annotationSelection: { ...get().annotationSelection, [itemId]: [...ids] } });
    },

    applyAnnotationsChange(event) {
      patchList(event.itemId, event.changed, event.removedIds);
    },

    async addAnnotationsToNote(itemId, ids) {
      try {
        // A note edit still waiting for its save lands first, so the quotes are appended after it.
        if (get().note.itemId === itemId) await get().flushNote();
        const markdown = await api().addToNote(itemId, ids === null ? null : [...ids]);
        // The note pane shows this item's note: show the new text rather than saving the old one over it.
        if (get().note.itemId === itemId) set({ note: { ...get().note, text: markdown, status: 'saved', error: null } });
        get().refreshRows([itemId]);
        const count = ids === null ? (get().annotationsByItem[itemId]?.length ?? 0) : ids.length;
        get().pushToast('info', `Added ${count} annotation${count === 1 ? '' : 's'} to the note`);
      } catch (error) {
        fail('add the annotations to the note', error);
      }
    },

    async exportAnnotationsMarkdown(itemId, ids, fileStem) {
      try {
        const markdown = await api().exportMarkdown(itemId, ids === null ? null : [...ids]);
        await saveTextFile(`${fileStem.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 80) || 'annotations'}.md`, markdown);
      } catch (error) {
        fail('export the annotations', error);
      }
    },

    async exportAnnotatedPdf(itemId, attachmentId) {
      get().setBusy('Writing the PDF with annotations…');
      try {
        const file = await api().exportPdf(itemId, attachmentId);
        downloadBase64File(file.fileName, file.dataBase64);
      } catch (error) {
        fail('export the PDF', error);
      } finally {
        get().setBusy(null);
      }
    },
  };
};
