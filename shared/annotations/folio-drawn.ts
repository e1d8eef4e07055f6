import type { Annotation } from '../model/annotation.ts';

/** Page index -> fingerprints of annotation objects in the file that Folio draws as its own annotations. */
export type FolioDrawnPrints = ReadonlyMap<number, ReadonlySet<string>>;

/**
 * The objects of this PDF that the item's annotations were imported from (their `pdfFingerprint`), by page: pdf.js
 * would draw each of them a second time, from the file, under Folio's own layer. An imported annotation the user
 * deleted is no longer in the list, so the file's own drawing shows again: the file still holds it.
 */
export function folioDrawnPrints(annotations: readonly Annotation[], attachmentId: string): FolioDrawnPrints {
  const out = new Map<number, Set<string>>();
  for (const a of annotations) {
    if (a.attachmentId !== attachmentId || !a.pdfFingerprint) continue;
    const prints = out.get(a.pageIndex) ?? new Set<string>();
    prints.add(a.pdfFingerprint);
    out.set(a.pageIndex, prints);
  }
  return out;
}
