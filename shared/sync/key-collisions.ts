import { uniqueKey } from '../citation/unique-key.ts';

/**
 * Citation keys across devices. Two devices can create different items with the same key (each checked only its
 * own library). The item created first by merge order (its create timestamp) keeps the key; each later one gets
 * the next free suffix. Keys compare case-insensitively, as in KeyIndex.
 */

export interface KeyClaim {
  id: string;
  key: string;
  /** Timestamp of the item's create operation. */
  created: string;
}

export interface KeyCollision {
  id: string;
  from: string;
  to: string;
  /** The item that keeps `from`. */
  keptBy: string;
}

export function resolveKeyCollisions(claims: readonly KeyClaim[]): KeyCollision[] {
  const groups = new Map<string, KeyClaim[]>();
  for (const claim of claims) {
    const lower = claim.key.toLowerCase();
    const group = groups.get(lower);
    if (group) group.push(claim);
    else groups.set(lower, [claim]);
  }
  const crowded = [...groups.entries()].filter(([, group]) => group.length > 1).sort(([a], [b]) => (a < b ? -1 : 1));
  return settleCrowded(crowded.map(([, group]) => group), (lower) => groups.has(lower));
}

/**
 * The renames for the groups of more than one claim, in the order of their (lower-case) keys; `asked`: whether
 * any item asks for this lower-case key. Suffixes avoid every key an item asks for, so groups never collide with
 * each other's asked keys: each settles alone.
 */
export function settleCrowded(crowded: ReadonlyArray<readonly KeyClaim[]>, asked: (lower: string) => boolean): KeyCollision[] {
  const out: KeyCollision[] = [];
  const assigned = new Set<string>();
  const taken = (candidate: string): boolean => asked(candidate.toLowerCase()) || assigned.has(candidate.toLowerCase());
  for (const members of crowded) {
    const group = [...members].sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : 1));
    const [first, ...later] = group;
    if (!first) continue;
    for (const claim of later) {
      const to = uniqueKey(claim.key, taken);
      assigned.add(to.toLowerCase());
      out.push({ id: claim.id, from: claim.key, to, keptBy: first.id });
    }
  }
  return out;
}
