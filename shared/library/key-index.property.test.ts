import { describe, expect, it } from 'vitest';
import type { CslItemData } from '../model/csl.ts';
import type { ItemId } from '../model/ids.ts';
import type { Item } from '../model/item.ts';
import { generateCitationKey } from '../citation/citation-key.ts';
import { DEFAULT_KEY_PATTERN } from '../citation/key-pattern.ts';
import { KeyIndex } from './key-index.ts';
import { createItem } from './item-factory.ts';

/** mulberry32: small, seeded, reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Few names, titles and years, so generated keys collide often.
const FAMILIES = ['Smith', 'Smith', 'Müller', 'Muller', 'Østergaard', '山田', 'García', 'Van der Berg'];
const TITLES = ['Attention Is All You Need', 'Attention Please', 'On Graphs', 'A Study', '機械学習', 'The Art'];
const YEARS = [2017, 2018, undefined];
const IMPORTED_KEYS = ['smith2017attention', 'smith2017attentiona', 'Smith2017', 'key:with/chars-1.0', 'muller2018graphs', 'item'];

/** A library's keys through the real KeyIndex, as the services use it: generate once, keep imported keys, suffix. */
class KeyedLibrary {
  readonly items = new Map<ItemId, Item>();
  private readonly index = new KeyIndex([]);

  add(csl: CslItemData): Item {
    return this.insert(csl, this.index.generate(csl, DEFAULT_KEY_PATTERN));
  }

  importWithKey(key: string): Item {
    return this.insert({ type: 'article-journal' }, this.index.claim(key));
  }

  remove(id: ItemId): void {
    const item = this.items.get(id);
    if (!item) return;
    this.index.remove(item);
    this.items.delete(id);
  }

  private insert(csl: CslItemData, key: string): Item {
    const item = createItem({ csl, citationKey: key, now: '2026-01-01T00:00:00.000Z' });
    this.items.set(item.id, item);
    this.index.add(item);
    return item;
  }
}

function randomCsl(random: () => number): CslItemData {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const year = pick(YEARS);
  const csl: CslItemData = { type: 'article-journal', title: pick(TITLES) };
  if (random() < 0.85) csl.author = [{ family: pick(FAMILIES), given: 'A.' }];
  if (year !== undefined) csl.issued = { 'date-parts': [[year]] };
  return csl;
}

describe('KeyIndex under random add / remove / import sequences', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: existing keys never change and keys stay unique', (seed) => {
    const random = prng(seed);
    const library = new KeyedLibrary();
    const known = new Map<ItemId, string>();
    for (let step = 0; step < 400; step++) {
      const roll = random();
      if (roll < 0.5) {
        const item = library.add(randomCsl(random));
        expect(item.citationKey).toMatch(/^[A-Za-z0-9_:./-]+$/);
        known.set(item.id, item.citationKey);
      } else if (roll < 0.75) {
        const wanted = IMPORTED_KEYS[Math.floor(random() * IMPORTED_KEYS.length)] ?? 'item';
        const item = library.importWithKey(wanted);
        expect(item.citationKey.startsWith(wanted)).toBe(true);
        known.set(item.id, item.citationKey);
      } else if (library.items.size > 0) {
        const ids = [...library.items.keys()];
        const id = ids[Math.floor(random() * ids.length)];
        if (id === undefined) continue;
        library.remove(id);
        known.delete(id);
      }
      for (const [id, key] of known) expect(library.items.get(id)?.citationKey).toBe(key);
      // bibtex treats keys that differ only in case as one entry, so uniqueness is case-insensitive.
      const keys = [...library.items.values()].map((i) => i.citationKey.toLowerCase());
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('generates the same key for the same metadata every time', () => {
    const random = prng(99);
    for (let i = 0; i < 200; i++) {
      const csl = randomCsl(random);
      expect(generateCitationKey(csl, DEFAULT_KEY_PATTERN)).toBe(generateCitationKey(JSON.parse(JSON.stringify(csl)) as CslItemData, DEFAULT_KEY_PATTERN));
    }
  });
});
