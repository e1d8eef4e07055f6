import type { Annotation } from '../model/annotation.ts';

/**
 * Page order: by page, then top to bottom (PDF y grows upwards, so a larger top edge comes first),
 * then left to right, then by creation. Returns a new array.
 */
export function sortAnnotations(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort(compareAnnotations);
}

export function compareAnnotations(a: Annotation, b: Annotation): number {
  return (
    a.pageIndex - b.pageIndex ||
    b.rect[3] - a.rect[3] ||
    a.rect[0] - b.rect[0] ||
    (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
