import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/annotation.ts';
import type { AttachmentId } from '../model/ids.ts';
import { Anchorer, selectorAt } from './anchoring.ts';
import { layoutPage } from './page-layout.ts';
import { placeOnNewPage, relocateAnnotation } from './relocate.ts';

const OLD = ['Abstract\nWe study residual learning. Deeper networks are harder to train.', 'Results\nThe 152-layer network wins.'];
const NEW = ['Notice\nAbstract\nWe study residual learning. Deeper networks are more difficult to train well.', 'Intro\nmore text', 'Results\nThe 152-layer network wins.'];
const NEW_ATT = 'att_new' as AttachmentId;
const NOW = '2026-02-01T00:00:00.000Z';

function on(pageIndex: number, quote: string, over: Partial<Annotation> = {}): Annotation {
  const at = OLD[pageIndex]!.indexOf(quote);
  return {
    id: 'ann_1', attachmentId: 'att_old' as AttachmentId, type: 'highlight', color: 'yellow', pageIndex, pageLabel: `p${pageIndex + 1}`,
    quads: [[1, 2, 3, 2, 1, 0, 3, 0]], rect: [1, 0, 3, 2], ...selectorAt(OLD[pageIndex]!, at, at + quote.length),
    comment: 'my comment', tags: ['t'], createdAt: '2026-01-01T00:00:00.000Z', modifiedAt: '2026-01-01T00:00:00.000Z', ...over,
  };
}

describe('relocating an annotation onto a replacing PDF', () => {
  const anchorer = new Anchorer(NEW);

  it('moves a found quote to its new page and offset, marks its geometry as the old one, and renumbers the label', () => {
    const a = on(1, 'The 152-layer network wins.');
    const moved = relocateAnnotation(a, anchorer, NEW_ATT, NOW);
    expect(moved).toEqual({ ...a, attachmentId: NEW_ATT, pageIndex: 2, pageLabel: '3', textOffset: NEW[2]!.indexOf('The 152'), prefix: 'Results\n', relocated: true, modifiedAt: NOW });
  });

  it('keeps the label of a quote still on its page', () => {
    const moved = relocateAnnotation(on(0, 'We study residual learning.'), anchorer, NEW_ATT, NOW);
    expect(moved).toMatchObject({ pageIndex: 0, pageLabel: 'p1', relocated: true });
  });

  it('orphans a quote that is gone, keeping text, comment, tags and its old place', () => {
    const a = on(0, 'Deeper networks are harder to train.', { text: 'A sentence no version of the paper has ever had in it.' });
    const moved = relocateAnnotation(a, anchorer, NEW_ATT, NOW);
    expect(moved).toEqual({ ...a, attachmentId: NEW_ATT, orphaned: true, modifiedAt: NOW });
  });

  it('takes the mark off an orphan that is found again, and leaves an unmoved one unmarked', () => {
    const a = { ...on(1, 'The 152-layer network wins.'), orphaned: true };
    expect(relocateAnnotation(a, anchorer, NEW_ATT, NOW).orphaned).toBeUndefined();
    const same = new Anchorer(OLD);
    const moved = relocateAnnotation(on(1, 'The 152-layer network wins.'), same, NEW_ATT, NOW);
    expect(moved.relocated).toBeUndefined();
    expect(moved.attachmentId).toBe(NEW_ATT);
  });

  it('keeps a sticky note on its page by position', () => {
    const note = on(1, 'x', { type: 'note', text: '', prefix: '', suffix: '', textOffset: -1, quads: [] });
    expect(relocateAnnotation(note, anchorer, NEW_ATT, NOW)).toEqual({ ...note, attachmentId: NEW_ATT, modifiedAt: NOW });
  });

  it('takes its quads from the new page\'s glyphs and the page\'s own label, which clears the mark', () => {
    const moved = relocateAnnotation(on(1, 'The 152-layer network wins.'), anchorer, NEW_ATT, NOW);
    const layout = layoutPage([
      { str: 'Results', hasEOL: true, transform: [10, 0, 0, 10, 72, 700], width: 40, height: 10 },
      { str: 'The 152-layer network wins.', transform: [10, 0, 0, 10, 72, 680], width: 135, height: 10 },
    ]);
    const placed = placeOnNewPage(moved, { label: 'iii', layout }, NEW[2]);
    expect(placed).toEqual({ ...moved, relocated: undefined, pageLabel: 'iii', quads: [[72, 688, 207, 688, 72, 678, 207, 678]], rect: [72, 678, 207, 688] });
    expect('relocated' in placed).toBe(false);
    // A layout whose text is not the one anchored in: the label only, the old quads and the mark stay.
    expect(placeOnNewPage(moved, { label: 'iii', layout }, 'Other\ntext')).toEqual({ ...moved, pageLabel: 'iii' });
    expect(placeOnNewPage({ ...moved, orphaned: true }, { label: 'iii', layout }, NEW[2])).toEqual({ ...moved, orphaned: true });
  });
});
