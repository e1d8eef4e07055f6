import { settleCrowded, type KeyClaim, type KeyCollision } from './key-collisions.ts';

/**
 * The citation key every item of a replica asks for, grouped by key (case-insensitively), kept up to date as
 * operations arrive. Settling keys then looks only at the groups of more than one item, instead of at every item
 * of the library on every fold; the outcome is the same as resolveKeyCollisions over every claim.
 */
export class KeyClaims {
  private readonly claims = new Map<string, KeyClaim>();
  private readonly groups = new Map<string, Map<string, KeyClaim>>();
  private readonly crowded = new Set<string>();
  /** Keys whose group gained or lost an item since the last drain (its items may need their key again). */
  private changedKeys = new Set<string>();

  /** The item's claim now (null: purged, or its create or key not here yet). */
  update(id: string, claim: KeyClaim | null): void {
    const before = this.claims.get(id);
    if (before && claim && before.key === claim.key && before.created === claim.created) return;
    if (before) {
      const lower = before.key.toLowerCase();
      const group = this.groups.get(lower);
      group?.delete(id);
      if (group && group.size === 0) this.groups.delete(lower);
      if ((group?.size ?? 0) < 2) this.crowded.delete(lower);
      this.changedKeys.add(lower);
      this.claims.delete(id);
    }
    if (claim) {
      const lower = claim.key.toLowerCase();
      let group = this.groups.get(lower);
      if (!group) this.groups.set(lower, (group = new Map()));
      group.set(id, claim);
      if (group.size > 1) this.crowded.add(lower);
      this.changedKeys.add(lower);
      this.claims.set(id, claim);
    }
  }

  asked(id: string): string | undefined {
    return this.claims.get(id)?.key;
  }

  /** Every rename that settles the collisions (the same as resolveKeyCollisions over every claim). */
  settle(): KeyCollision[] {
    const crowded = [...this.crowded].sort().map((lower) => [...(this.groups.get(lower)?.values() ?? [])]);
    return settleCrowded(crowded, (lower) => this.groups.has(lower));
  }

  /** Items of every group that is crowded now or changed since the last call: the only keys that can move. */
  drainUnsettled(): Set<string> {
    const out = new Set<string>();
    for (const lower of [...this.crowded, ...this.changedKeys]) {
      for (const id of this.groups.get(lower)?.keys() ?? []) out.add(id);
    }
    this.changedKeys = new Set();
    return out;
  }
}
