import { describe, expect, it } from 'vitest';
import labelled from '../../tests/fixtures/dedupe/pairs.json' with { type: 'json' };
import type { CslItemData } from '../model/csl.ts';
import { findDuplicates } from './index.ts';

interface LabelledItem {
  id: string;
  /** Ground truth: two items are duplicates exactly when they describe the same paper. */
  paper: string;
  csl: CslItemData;
}

interface LabelledPair {
  a: string;
  b: string;
  duplicate: boolean;
  why: string;
}

const items = labelled.items as LabelledItem[];
const pairs = labelled.pairs as LabelledPair[];
const paperOf = new Map(items.map((i) => [i.id, i.paper]));
const key = (a: string, b: string): string => [a, b].sort().join(' ');

describe('findDuplicates on the labelled set', () => {
  it('has at least 40 labelled pairs that agree with the ground truth', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(40);
    expect(pairs.filter((p) => !p.duplicate).length).toBeGreaterThanOrEqual(10);
    for (const p of pairs) expect(paperOf.get(p.a) === paperOf.get(p.b), `${p.a} / ${p.b}`).toBe(p.duplicate);
  });

  it('reaches precision 1.0 and recall of at least 0.9', () => {
    const found = findDuplicates(items.map(({ id, csl }) => ({ id, csl })));
    const foundKeys = new Set(found.map((p) => key(p.a, p.b)));
    // Precision over everything reported, not only the labelled pairs.
    const wrong = found.filter((p) => paperOf.get(p.a) !== paperOf.get(p.b));
    const precision = found.length === 0 ? 1 : (found.length - wrong.length) / found.length;
    const truePairs = pairs.filter((p) => p.duplicate);
    const missed = truePairs.filter((p) => !foundKeys.has(key(p.a, p.b)));
    const recall = (truePairs.length - missed.length) / truePairs.length;
    console.log(`dedupe labelled set: ${found.length} pairs reported, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${truePairs.length - missed.length}/${truePairs.length}); missed: ${missed.map((p) => `${p.a}/${p.b}`).join(', ') || 'none'}`);
    expect(wrong.map((p) => `${p.a}/${p.b} (${p.reason})`)).toEqual([]);
    expect(precision).toBe(1);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
