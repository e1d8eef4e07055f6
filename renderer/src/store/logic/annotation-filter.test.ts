import { describe, expect, it } from 'vitest';
import type { Annotation, AnnotationColor } from '../../../../shared/model/annotation.ts';
import { asAttachmentId } from '../../../../shared/model/ids.ts';
import { annotationTags, comparePageOrder, createAnnotationFilterMemo, filterAnnotations, NO_ANNOTATION_FILTER } from './annotation-filter.ts';

function annotation(id: string, over: Partial<Annotation> = {}): Annotation {
  return {
    id, attachmentId: asAttachmentId('at_1'), type: 'highlight', color: 'yellow', pageIndex: 0, pageLabel: '1', quads: [],
    rect: [0, 0, 10, 10], text: '', prefix: '', suffix: '', textOffset: -1, comment: '', tags: [],
    createdAt: '2026-01-01T00:00:00Z', modifiedAt: '2026-01-01T00:00:00Z', ...over,
  };
}

const list = [
  annotation('a', { text: 'Symplectic integrators preserve volume', color: 'yellow', tags: ['method'] }),
  annotation('b', { text: 'A café in Zürich', comment: 'Energy $E = mc^2$', color: 'red' }),
  annotation('c', { text: 'Unrelated', color: 'blue', tags: ['todo', 'method'] }),
];

describe('the annotations sidebar filter', () => {
  it('keeps every annotation for an empty filter, as the same array', () => {
    expect(filterAnnotations(list, NO_ANNOTATION_FILTER)).toBe(list);
  });
  it('matches every word of the text in quote, comment or tags, accent- and case-blind', () => {
    const ids = (text: string) => filterAnnotations(list, { ...NO_ANNOTATION_FILTER, text }).map((a) => a.id);
    expect(ids('symplectic VOLUME')).toEqual(['a']);
    expect(ids('cafe zurich')).toEqual(['b']);
    expect(ids('mc^2')).toEqual(['b']);
    expect(ids('method')).toEqual(['a', 'c']);
    expect(ids('method nothing')).toEqual([]);
  });
  it('filters by colours and by one tag, with the text', () => {
    const colors: AnnotationColor[] = ['red', 'blue'];
    expect(filterAnnotations(list, { ...NO_ANNOTATION_FILTER, colors }).map((a) => a.id)).toEqual(['b', 'c']);
    expect(filterAnnotations(list, { colors, tag: 'method', text: '' }).map((a) => a.id)).toEqual(['c']);
    expect(filterAnnotations(list, { colors: [], tag: 'method', text: 'symplectic' }).map((a) => a.id)).toEqual(['a']);
  });
  it('memoises: the same list and filter give the same array; a new filter a new answer', () => {
    const memo = createAnnotationFilterMemo();
    const first = memo(list, { ...NO_ANNOTATION_FILTER, text: 'method' });
    expect(memo(list, { ...NO_ANNOTATION_FILTER, text: 'method' })).toBe(first);
    expect(memo(list, { ...NO_ANNOTATION_FILTER, text: 'cafe' }).map((a) => a.id)).toEqual(['b']);
  });
  it('lists the tags in order and sorts by page, then top to bottom', () => {
    expect(annotationTags(list)).toEqual(['method', 'todo']);
    const sorted = [
      annotation('low', { pageIndex: 1, rect: [0, 100, 10, 110] }),
      annotation('high', { pageIndex: 1, rect: [0, 700, 10, 710] }),
      annotation('first', { pageIndex: 0, rect: [0, 0, 10, 10] }),
    ].sort(comparePageOrder);
    expect(sorted.map((a) => a.id)).toEqual(['first', 'high', 'low']);
  });
});
