import type { Annotation, AnnotationColor } from '../model/annotation.ts';

/** What the annotations sidebar filters by: every word of `text` in the quote, comment or tags; colours; tags. */
export interface AnnotationFilter {
  text?: string;
  /** Empty or absent: any colour. */
  colors?: readonly AnnotationColor[];
  /** Every one of these tags (case-insensitive). */
  tags?: readonly string[];
}

const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** The text of an annotation, folded once, for filtering many times as the user types. */
export function annotationSearchText(a: Annotation): string {
  return fold(`${a.text}\n${a.comment}\n${a.tags.join('\n')}`);
}

/**
 * The annotations that pass the filter, in the order given. `folded` caches annotationSearchText by annotation
 * (pass the same map on every keystroke; an edited annotation is a new object and is folded again).
 */
export function filterAnnotations(annotations: readonly Annotation[], filter: AnnotationFilter, folded: WeakMap<Annotation, string> = new WeakMap()): Annotation[] {
  const words = fold(filter.text ?? '').split(/\s+/).filter((w) => w.length > 0);
  const colors = filter.colors && filter.colors.length > 0 ? new Set(filter.colors) : null;
  const tags = (filter.tags ?? []).map(fold);
  return annotations.filter((a) => {
    if (colors && !colors.has(a.color)) return false;
    if (tags.length > 0) {
      const own = new Set(a.tags.map(fold));
      if (!tags.every((t) => own.has(t))) return false;
    }
    if (words.length === 0) return true;
    let text = folded.get(a);
    if (text === undefined) {
      text = annotationSearchText(a);
      folded.set(a, text);
    }
    return words.every((w) => text.includes(w));
  });
}
