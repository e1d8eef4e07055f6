import { describe, expect, it } from 'vitest';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { RankOutcome } from '../../../shared/search/query/search-run.ts';
import { packRank, unpackRank } from './rank-packing.ts';

describe('a ranking packed for the trip from the worker', () => {
  it('comes back as it was, whatever the ids hold', () => {
    const ids = ['20261202-000001-abc', '', 'a\nb', 'ünïcødé 漢字', 'x'.repeat(300), 'z'] as ItemId[];
    const outcome: RankOutcome = { ok: true, ids, scores: [9.5, 3, 2.25, 1, 0.125, 0], total: 6 };
    const { packed, transfer } = packRank(outcome);
    expect(transfer).toHaveLength(2);
    // As the worker sends it: structured clone, the buffers moved.
    const arrived = structuredClone(packed, { transfer });
    expect(unpackRank(arrived)).toEqual(outcome);
  });

  it('keeps an empty ranking and an error as they are', () => {
    const empty: RankOutcome = { ok: true, ids: [], scores: [], total: 0 };
    expect(unpackRank(structuredClone(packRank(empty).packed))).toEqual(empty);
    const error: RankOutcome = { ok: false, error: { message: '"year:" needs a value.', span: { start: 0, end: 5 } } };
    expect(unpackRank(packRank(error).packed)).toEqual(error);
  });
});
