import { exportBibtexEntry, planEntryText, referencedKeys, type BibtexDialect, type BibtexExportPlan } from '../../../shared/formats/bibtex/index.ts';
import type { Item } from '../../../shared/model/item.ts';

/**
 * Serialised .bib entries, already UTF-8 encoded, keyed by item object. Items
 * are immutable (an edit commits a new object), so a hit is always current,
 * and the entries of replaced items go away with them (WeakMap). Keeping the
 * bytes, not the text, means a rewrite of a 50k-entry file encodes one entry.
 */
export class BibtexEntryCache {
  private readonly byDialect = new Map<BibtexDialect, WeakMap<Item, Buffer>>();
  private readonly references = new WeakMap<Item, ReadonlyArray<{ field: string; key: string }>>();
  misses = 0;

  /** crossref/xdata references per item object, for planBibtexExport: scanning 50k entries' fields each time adds up. */
  readonly referencesOf = (item: Item): ReadonlyArray<{ field: string; key: string }> => {
    let refs = this.references.get(item);
    if (refs === undefined) {
      refs = item.source ? referencedKeys(item.source.fields) : [];
      this.references.set(item, refs);
    }
    return refs;
  };

  entry(plan: BibtexExportPlan, item: Item, dialect: BibtexDialect): Buffer {
    // An entry with @string values written in depends on the rest of the export: never cached.
    if (plan.inlineFor.has(item)) return Buffer.from(planEntryText(plan, item, dialect), 'utf8');
    let cache = this.byDialect.get(dialect);
    if (!cache) {
      cache = new WeakMap();
      this.byDialect.set(dialect, cache);
    }
    let bytes = cache.get(item);
    if (bytes === undefined) {
      this.misses++;
      bytes = Buffer.from(exportBibtexEntry(item, dialect), 'utf8');
      cache.set(item, bytes);
    }
    return bytes;
  }
}
