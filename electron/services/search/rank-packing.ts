import type { ItemId } from '../../../shared/model/ids.ts';
import type { RankOutcome } from '../../../shared/search/query/search-run.ts';

/**
 * A ranking as it crosses from the search worker: every matching id (50k for a broad query at 50k items) as one
 * string and their lengths, the scores as a typed array, both moved rather than copied. Cloning 50k small strings
 * cost the worker about as much as ranking them, and the host as much again to read them back.
 */
export type PackedRank =
  | { ok: true; ids: string; lengths: Uint32Array; scores: Float64Array; total: number }
  | Extract<RankOutcome, { ok: false }>;

export function packRank(outcome: RankOutcome): { packed: PackedRank; transfer: ArrayBuffer[] } {
  if (!outcome.ok) return { packed: outcome, transfer: [] };
  const lengths = new Uint32Array(outcome.ids.length);
  outcome.ids.forEach((id, i) => {
    lengths[i] = id.length;
  });
  const scores = Float64Array.from(outcome.scores);
  return { packed: { ok: true, ids: outcome.ids.join(''), lengths, scores, total: outcome.total }, transfer: [lengths.buffer, scores.buffer] };
}

export function unpackRank(packed: PackedRank): RankOutcome {
  if (!packed.ok) return packed;
  const ids = new Array<ItemId>(packed.lengths.length);
  let at = 0;
  for (let i = 0; i < ids.length; i++) {
    const end = at + (packed.lengths[i] as number);
    ids[i] = packed.ids.slice(at, end) as ItemId;
    at = end;
  }
  return { ok: true, ids, scores: Array.from(packed.scores), total: packed.total };
}
