import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/annotation.ts';
import type { AttachmentId } from '../model/ids.ts';
import { filterAnnotations } from './annotation-filter.ts';

const base: Annotation = {
  id: 'a', attachmentId: 'att' as AttachmentId, type: 'highlight', color: 'yellow', pageIndex: 0, pageLabel: '1', quads: [], rect: [0, 0, 1, 1],
  text: '', prefix: '', suffix: '', textOffset: -1, comment: '', tags: [], createdAt: '', modifiedAt: '',
};
const all: Annotation[] = [
  { ...base, id: 'a', text: 'Scaled dot-product attention', comment: 'Équation (1)', tags: ['Core'] },
  { ...base, id: 'b', color: 'red', text: 'Multi-head attention', tags: ['core', 'later'] },
  { ...base, id: 'c', color: 'green', text: 'Positional encoding', comment: 'sinusoids' },
];
const ids = (list: Annotation[]) => list.map((a) => a.id);

describe('filtering annotations', () => {
  it('keeps those with every word in quote, comment or tags, accents and case aside', () => {
    expect(ids(filterAnnotations(all, { text: 'attention' }))).toEqual(['a', 'b']);
    expect(ids(filterAnnotations(all, { text: 'equation ATTENTION' }))).toEqual(['a']);
    expect(ids(filterAnnotations(all, { text: 'later' }))).toEqual(['b']);
    expect(ids(filterAnnotations(all, { text: '  ' }))).toEqual(['a', 'b', 'c']);
  });

  it('filters by colours and by all the given tags', () => {
    expect(ids(filterAnnotations(all, { colors: ['red', 'green'] }))).toEqual(['b', 'c']);
    expect(ids(filterAnnotations(all, { tags: ['CORE'] }))).toEqual(['a', 'b']);
    expect(ids(filterAnnotations(all, { tags: ['core', 'later'], text: 'head' }))).toEqual(['b']);
  });

  it('reuses the folded text it is given, and folds an edited annotation again', () => {
    const cache = new WeakMap<Annotation, string>();
    filterAnnotations(all, { text: 'x' }, cache);
    expect(cache.get(all[2]!)).toBe('positional encoding\nsinusoids\n');
    const edited = { ...all[2]!, comment: 'learned instead' };
    expect(ids(filterAnnotations([edited], { text: 'learned' }, cache))).toEqual(['c']);
  });
});
