// Annotations: one highlight from the call to durable on disk, and an item with 1,000 annotations listed and filtered.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { AnnotationDraft } from '../../shared/api/annotations-types.ts';
import { filterAnnotations } from '../../shared/annotations/annotation-filter.ts';
import type { Annotation } from '../../shared/model/annotation.ts';
import type { AttachmentId } from '../../shared/model/ids.ts';
import { openFolioService } from '../../electron/services/folio-service.ts';
import { round, stats } from './measure.ts';

export interface AnnotationsBench {
  /** annotations.create answered, which is after its journal record was fsynced (checked in library.journal). */
  highlightCreatedToDurableMs: { max: number; p50: number; p95: number; mean: number };
  editDurableMs: { max: number; p50: number; p95: number; mean: number };
  list1000Ms: number;
  /** Folding the 1,000 annotations' text for filtering, once when the list arrives. */
  filter1000FoldMs: number;
  /** The sidebar's filter over 1,000 annotations, typed one character at a time. */
  filter1000PerKeystroke: { max: number; p50: number; p95: number; mean: number };
  targets: { highlightCreatedToDurableMs: number; filterPerKeystrokeMs: number };
}

const COLORS = ['yellow', 'red', 'green', 'blue'] as const;
const WORDS = 'attention residual gradient convolution transformer encoder decoder softmax normalisation dropout embedding'.split(' ');
const sentence = (i: number): string => Array.from({ length: 14 }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');

async function onePagePdf(): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([612, 792]).drawText('Bench paper for annotations', { x: 72, y: 700, size: 14, font });
  return Buffer.from(await doc.save()).toString('base64');
}

function draft(attachmentId: AttachmentId, i: number): AnnotationDraft {
  const y = 700 - (i % 40) * 16;
  return {
    attachmentId, type: 'highlight', color: COLORS[i % COLORS.length]!, pageIndex: i % 30, pageLabel: String((i % 30) + 1),
    quads: [[72, y + 12, 500, y + 12, 72, y, 500, y]], rect: [72, y, 500, y + 12], text: sentence(i), prefix: sentence(i + 1).slice(0, 32), suffix: sentence(i + 2).slice(0, 32),
    textOffset: i * 10, comment: i % 3 === 0 ? `Note ${i}: compare with $O(n^2)$` : '', tags: i % 5 === 0 ? ['important'] : [],
  };
}

export async function benchAnnotations(): Promise<AnnotationsBench> {
  const dir = mkdtempSync(join(tmpdir(), 'folio-bench-annotations-'));
  const service = await openFolioService(dir, 'cli', { host: 'web', search: { inThread: true } });
  try {
    await service.ready;
    const { item } = await service.api.attachments.importPdf('bench.pdf', await onePagePdf(), null);
    const pdf = item.attachments[0]!.id;

    const created: number[] = [];
    const edited: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      const a = await service.api.annotations.create(item.id, draft(pdf, i));
      created.push(performance.now() - start);
      if (!readFileSync(join(dir, 'library.journal'), 'utf8').includes(a.id)) throw new Error(`${a.id} is not in the journal after create answered`);
      const editStart = performance.now();
      await service.api.annotations.update(item.id, a.id, { comment: `edited ${i}` });
      edited.push(performance.now() - editStart);
    }

    // 1,000 annotations on one item, committed at once (the creates above measure the per-call path).
    const now = new Date().toISOString();
    const many: Annotation[] = Array.from({ length: 1000 }, (_, i) => ({ ...draft(pdf, i), comment: draft(pdf, i).comment ?? '', tags: draft(pdf, i).tags ?? [], id: `ann_bench${i}`, createdAt: now, modifiedAt: now }));
    const current = await service.api.library.getItem(item.id);
    await service.store.commit([{ op: 'putItems', items: [{ ...current, annotations: many }] }]);
    const listStart = performance.now();
    const listed = await service.api.annotations.list(item.id);
    const list1000Ms = round(performance.now() - listStart);
    if (listed.length !== 1000) throw new Error(`listed ${listed.length} of 1000`);

    const cache = new WeakMap<Annotation, string>();
    const query = 'transformer softmax';
    // The sidebar folds each annotation's text once, when the list arrives; typing then only compares.
    const foldStart = performance.now();
    filterAnnotations(listed, { text: 'x' }, cache);
    const filter1000FoldMs = round(performance.now() - foldStart);
    const keystrokes: number[] = [];
    for (let n = 1; n <= query.length; n++) {
      const start = performance.now();
      filterAnnotations(listed, { text: query.slice(0, n) }, cache);
      keystrokes.push(performance.now() - start);
    }
    return {
      highlightCreatedToDurableMs: stats(created),
      editDurableMs: stats(edited),
      list1000Ms,
      filter1000FoldMs,
      filter1000PerKeystroke: stats(keystrokes),
      targets: { highlightCreatedToDurableMs: 1000, filterPerKeystrokeMs: 16 },
    };
  } finally {
    await service.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
