import { describe, expect, it } from 'vitest';
import { asAttachmentId, asCollectionId, asItemId } from '../model/ids.ts';
import type { Attachment, Item } from '../model/item.ts';
import { defaultKeep, mergeItems, NOTE_SEPARATOR } from './merge-items.ts';

function item(id: string, over: Partial<Item>): Item {
  return {
    id: asItemId(id), citationKey: id, keyPinned: false, csl: { type: 'article' }, tags: [], collections: [], read: 'unread', rating: 0,
    flagged: false, addedAt: '2024-01-01T00:00:00Z', modifiedAt: '2024-01-01T00:00:00Z', trashedAt: null, attachments: [], note: null, annotations: [],
    ...over,
  };
}

function pdf(sha: string): Attachment {
  return { id: asAttachmentId(`att-${sha}`), path: `x/${sha}.pdf`, fileName: `${sha}.pdf`, mediaType: 'application/pdf', size: 1, sha256: sha, addedAt: '2024-01-01T00:00:00Z' };
}

const NOW = '2026-02-03T04:05:06Z';

describe('mergeItems', () => {
  const keep = item('rafailov2023direct', {
    csl: { type: 'paper-conference', title: 'Direct Preference Optimization', 'container-title': 'NeurIPS', DOI: '10.48550/arXiv.2305.18290' },
    tags: ['rlhf'], collections: [asCollectionId('c1')], note: { markdown: 'mine', modifiedAt: NOW }, attachments: [pdf('aaa')],
  });
  const other = item('dpo', {
    csl: { type: 'article', title: 'Direct Preference Optimization: Your LM is Secretly a Reward Model', abstract: 'While…', DOI: '10.48550/arXiv.2305.18290' },
    tags: ['alignment', 'rlhf'], collections: [asCollectionId('c2')], note: { markdown: 'theirs', modifiedAt: NOW }, attachments: [pdf('aaa'), pdf('bbb')], rating: 4,
  });

  it('takes chosen fields, fills gaps, unites the rest and never touches the kept key', () => {
    const { kept, trashed } = mergeItems(keep, other, { title: 'other' }, NOW);
    expect(kept.id).toBe(keep.id);
    expect(kept.citationKey).toBe('rafailov2023direct');
    expect(kept.csl).toEqual({ type: 'paper-conference', title: other.csl.title, 'container-title': 'NeurIPS', DOI: '10.48550/arXiv.2305.18290', abstract: 'While…' });
    expect(kept.tags).toEqual(['rlhf', 'alignment']);
    expect(kept.collections).toEqual(['c1', 'c2']);
    expect(kept.attachments.map((a) => a.sha256)).toEqual(['aaa', 'bbb']);
    expect(kept.note?.markdown).toBe(`mine${NOTE_SEPARATOR}theirs`);
    expect(kept.rating).toBe(4);
    expect(trashed.trashedAt).toBe(NOW);
    expect(trashed.citationKey).toBe('dpo');
  });

  it('removes a variable when the chosen side has none', () => {
    const { kept } = mergeItems(keep, other, { 'container-title': 'other' }, NOW);
    expect(kept.csl['container-title']).toBeUndefined();
  });

  it('keeps the fuller item by default, the older one on a tie', () => {
    expect(defaultKeep(keep, other).keep.id).toBe(other.id);
    const older = item('older', { addedAt: '2020-01-01T00:00:00Z' });
    const newer = item('newer', { addedAt: '2025-01-01T00:00:00Z' });
    expect(defaultKeep(newer, older).keep.id).toBe('older');
  });
});
