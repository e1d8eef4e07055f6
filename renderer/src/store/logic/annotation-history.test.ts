import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../shared/model/annotation.ts';
import { asAttachmentId } from '../../../../shared/model/ids.ts';
import { draftOf, EMPTY_HISTORY, inversePatch, pushStep, resolveId } from './annotation-history.ts';

const a: Annotation = {
  id: 'ann_1', attachmentId: asAttachmentId('at_1'), type: 'highlight', color: 'yellow', pageIndex: 2, pageLabel: '3',
  quads: [[1, 2, 3, 2, 1, 0, 3, 0]], rect: [1, 0, 3, 2], text: 'q', prefix: 'p', suffix: 's', textOffset: 4,
  comment: 'old', tags: ['x'], createdAt: 't', modifiedAt: 't',
};

describe('reader undo history', () => {
  it('inverts a patch with the values it overwrites, and only those', () => {
    expect(inversePatch(a, { color: 'red', comment: 'new' })).toEqual({ color: 'yellow', comment: 'old' });
    expect(inversePatch(a, { tags: [] })).toEqual({ tags: ['x'] });
  });
  it('re-creates from every field a draft carries', () => {
    const draft = draftOf(a);
    expect(draft).toMatchObject({ type: 'highlight', quads: a.quads, text: 'q', prefix: 'p', suffix: 's', textOffset: 4, comment: 'old', tags: ['x'] });
    expect(draft).not.toHaveProperty('id');
  });
  it('follows ids through re-creations, and a new step drops the redo stack', () => {
    const h = { ...EMPTY_HISTORY, alias: { ann_1: 'ann_2', ann_2: 'ann_3' }, redo: [{ kind: 'create' as const, annotation: a }] };
    expect(resolveId(h, 'ann_1')).toBe('ann_3');
    expect(resolveId(h, 'ann_9')).toBe('ann_9');
    const next = pushStep(h, { kind: 'remove', annotations: [a] });
    expect(next.redo).toEqual([]);
    expect(next.undo).toHaveLength(1);
  });
});
