import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/annotation.ts';
import type { AttachmentId } from '../model/ids.ts';
import { folioDrawnPrints } from './folio-drawn.ts';

const annotation = (over: Partial<Annotation>): Annotation => ({
  id: 'an_1', attachmentId: 'at_1', type: 'highlight', color: 'yellow', pageIndex: 0, pageLabel: '1', quads: [], rect: [0, 0, 1, 1],
  text: '', prefix: '', suffix: '', textOffset: -1, comment: '', tags: [], createdAt: '2026-12-01T00:00:00.000Z', modifiedAt: '2026-12-01T00:00:00.000Z',
  ...over,
} as Annotation);

describe('folioDrawnPrints', () => {
  it('lists, by page, the fingerprints of the annotations imported from this PDF only', () => {
    const prints = folioDrawnPrints([
      annotation({ id: 'a', pageIndex: 2, pdfFingerprint: 'highlight:2:1,2:x' }),
      annotation({ id: 'b', pageIndex: 2, pdfFingerprint: 'note:2:3,4:y' }),
      annotation({ id: 'c', pageIndex: 0, pdfFingerprint: 'area:0:5,6:z' }),
      annotation({ id: 'd', pageIndex: 1 }),
      annotation({ id: 'e', pageIndex: 1, attachmentId: 'at_other' as AttachmentId, pdfFingerprint: 'highlight:1:7,8:w' }),
    ], 'at_1');
    expect([...prints.keys()].sort()).toEqual([0, 2]);
    expect([...(prints.get(2) ?? [])]).toEqual(['highlight:2:1,2:x', 'note:2:3,4:y']);
    expect([...(prints.get(0) ?? [])]).toEqual(['area:0:5,6:z']);
  });
});
