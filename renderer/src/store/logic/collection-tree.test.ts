import { describe, it, expect } from 'vitest';
import type { Collection } from '../../../../shared/model/collection.ts';
import { asCollectionId } from '../../../../shared/model/ids.ts';
import { ancestorIds, buildCollectionTree, canMoveCollection, uniqueSiblingName, visibleCollectionLines } from './collection-tree.ts';

const c = (id: string, name: string, parent: string | null = null): Collection =>
  ({ id: asCollectionId(id), name, parentId: parent === null ? null : asCollectionId(parent), createdAt: '2024-01-01T00:00:00.000Z' });

const cols = [c('p', 'Physics'), c('ml', 'Machine learning'), c('nlp', 'NLP', 'ml'), c('cv', 'Vision', 'ml'), c('tf', 'Transformers', 'nlp'), c('orphan', 'Orphan', 'gone')];
const names = (lines: { collection: Collection; depth: number }[]) => lines.map((l) => `${'-'.repeat(l.depth)}${l.collection.name}`);

describe('collection tree', () => {
  it('nests, sorts by name, and shows orphans at the root', () => {
    const tree = buildCollectionTree(cols);
    expect(names(visibleCollectionLines(tree, new Set(['ml', 'nlp'])))).toEqual(['Machine learning', '-NLP', '--Transformers', '-Vision', 'Orphan', 'Physics']);
  });
  it('hides the children of collapsed nodes but says they exist', () => {
    const lines = visibleCollectionLines(buildCollectionTree(cols), new Set());
    expect(names(lines)).toEqual(['Machine learning', 'Orphan', 'Physics']);
    expect(lines[0]?.hasChildren).toBe(true);
    expect(lines[0]?.expanded).toBe(false);
  });
  it('survives a parent cycle without losing nodes', () => {
    const cyclic = [c('x', 'X', 'y'), c('y', 'Y', 'x')];
    const lines = visibleCollectionLines(buildCollectionTree(cyclic), new Set(['x', 'y']));
    expect(lines.map((l) => l.collection.id).sort()).toEqual(['x', 'y']);
  });
});

describe('moves and names', () => {
  const id = asCollectionId;
  it('refuses moving a collection into itself, its descendants, or where it already is', () => {
    expect(canMoveCollection(cols, id('ml'), id('tf'))).toBe(false);
    expect(canMoveCollection(cols, id('ml'), id('ml'))).toBe(false);
    expect(canMoveCollection(cols, id('nlp'), id('ml'))).toBe(false);
    expect(canMoveCollection(cols, id('nlp'), id('p'))).toBe(true);
    expect(canMoveCollection(cols, id('nlp'), null)).toBe(true);
    expect(canMoveCollection(cols, id('p'), null)).toBe(false);
  });
  it('lists ancestors root first', () => {
    expect(ancestorIds(cols, id('tf'))).toEqual(['ml', 'nlp']);
  });
  it('picks a name unused among siblings only', () => {
    expect(uniqueSiblingName(cols, null, 'Physics')).toBe('Physics 2');
    expect(uniqueSiblingName(cols, id('ml'), 'Physics')).toBe('Physics');
  });
});
