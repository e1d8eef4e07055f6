import type { Annotation, AnnotationColor } from '../../../../shared/model/annotation.ts';

/** What the annotations sidebar shows: colours (none = all), one tag (null = any), and text. */
export interface AnnotationFilter {
  colors: readonly AnnotationColor[];
  tag: string | null;
  text: string;
}

export const NO_ANNOTATION_FILTER: AnnotationFilter = { colors: [], tag: null, text: '' };

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

// The folded haystack of each annotation object, computed once: a keystroke costs one indexOf per annotation.
const haystacks = new WeakMap<Annotation, string>();
function haystack(a: Annotation): string {
  let h = haystacks.get(a);
  if (h === undefined) {
    h = fold(`${a.text}\n${a.comment}\n${a.tags.join('\n')}\n${a.pageLabel}`);
    haystacks.set(a, h);
  }
  return h;
}

/** Sorts by page, then top to bottom (a PDF's y grows upward), then left to right. */
export function comparePageOrder(a: Annotation, b: Annotation): number {
  return a.pageIndex - b.pageIndex || b.rect[3] - a.rect[3] || a.rect[0] - b.rect[0];
}

export function isFilterEmpty(f: AnnotationFilter): boolean {
  return f.colors.length === 0 && f.tag === null && f.text.trim() === '';
}

/** The annotations the filter keeps, in the order given. Every word of the text must appear. */
export function filterAnnotations(list: readonly Annotation[], f: AnnotationFilter): readonly Annotation[] {
  if (isFilterEmpty(f)) return list;
  const words = fold(f.text).split(/\s+/).filter(Boolean);
  const colors = f.colors.length > 0 ? new Set(f.colors) : null;
  return list.filter((a) => {
    if (colors && !colors.has(a.color)) return false;
    if (f.tag !== null && !a.tags.includes(f.tag)) return false;
    if (words.length === 0) return true;
    const h = haystack(a);
    return words.every((w) => h.includes(w));
  });
}

/** Every tag on the annotations, sorted, for the filter's tag menu. */
export function annotationTags(list: readonly Annotation[]): string[] {
  const tags = new Set<string>();
  for (const a of list) for (const t of a.tags) tags.add(t);
  return [...tags].sort((a, b) => a.localeCompare(b));
}

/**
 * A memoised filter: the same list and an equal filter give the same array back,
 * so a render that did not change them costs nothing and list identity is stable.
 */
export function createAnnotationFilterMemo(): (list: readonly Annotation[], f: AnnotationFilter) => readonly Annotation[] {
  let lastList: readonly Annotation[] | null = null;
  let lastKey = '';
  let lastResult: readonly Annotation[] = [];
  return (list, f) => {
    const key = JSON.stringify([f.colors, f.tag, f.text]);
    if (list === lastList && key === lastKey) return lastResult;
    lastList = list;
    lastKey = key;
    lastResult = filterAnnotations(list, f);
    return lastResult;
  };
}
