import { generateCitationKey, uniqueKey } from '../citation/index.ts';
import type { CslItemData } from '../model/csl.ts';
import type { ItemId } from '../model/ids.ts';
import type { Item } from '../model/item.ts';

/**
 * Which citation keys are taken, case-insensitively (bibtex treats keys that
 * differ only in case as the same entry). Trashed items keep their keys, so
 * restoring one never collides.
 */
export class KeyIndex {
  private readonly owners = new Map<string, ItemId>();
  private readonly byKey = new Map<string, ItemId>();

  constructor(items: Iterable<Item>) {
    for (const item of items) this.add(item);
  }

  add(item: Item): void {
    this.owners.set(item.citationKey.toLowerCase(), item.id);
    this.byKey.set(item.citationKey, item.id);
  }

  remove(item: Item): void {
    if (this.owners.get(item.citationKey.toLowerCase()) === item.id) this.owners.delete(item.citationKey.toLowerCase());
    if (this.byKey.get(item.citationKey) === item.id) this.byKey.delete(item.citationKey);
  }

  isTaken(key: string, except?: ItemId): boolean {
    const owner = this.owners.get(key.toLowerCase());
    return owner !== undefined && owner !== except;
  }

  /** Exact key first, then case-insensitive. */
  find(key: string): ItemId | undefined {
    return this.byKey.get(key) ?? this.owners.get(key.toLowerCase());
  }

  /** A fresh key from the pattern, made unique with a/b/c suffixes. */
  generate(csl: CslItemData, pattern: string, except?: ItemId): string {
    const base = generateCitationKey(csl, pattern);
    return uniqueKey(base, (candidate) => this.isTaken(candidate, except));
  }

  /** Keeps a wanted key when it is free; otherwise suffixes it. */
  claim(wanted: string, except?: ItemId): string {
    return this.isTaken(wanted, except) ? uniqueKey(wanted, (candidate) => this.isTaken(candidate, except)) : wanted;
  }
}
