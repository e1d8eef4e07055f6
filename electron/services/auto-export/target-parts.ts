import type { ExportScope } from '../../../shared/api/api-primitives.ts';
import { BIBTEX_PART_SEPARATOR, planBibtexExport } from '../../../shared/formats/bibtex/index.ts';
import { asCollectionId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import type { AutoExportTarget } from '../../../shared/model/library-doc.ts';
import { fixScope, formatItems, itemsForScope, type SavedSearchIds } from '../export-service.ts';
import { TimeSlicer } from '../library-store/time-slicer.ts';
import type { ServiceContext } from '../service-context.ts';
import type { BibtexEntryCache } from './bibtex-entry-cache.ts';

/** A target's file as parts to join: the same text `folio export` writes for its scope and format. */
export interface TargetText {
  parts: Uint8Array[];
  separator: Uint8Array;
  entries: number;
}

const NO_SEPARATOR = new Uint8Array(0);
const ENTRY_SEPARATOR = Buffer.from(BIBTEX_PART_SEPARATOR, 'utf8');

export function targetScope(target: AutoExportTarget): ExportScope {
  if (target.savedSearch) return { kind: 'saved', name: target.savedSearch };
  return target.collectionId
    ? { kind: 'collection', collectionId: asCollectionId(target.collectionId), includeChildren: true }
    : { kind: 'library' };
}

/**
 * The target's text, yielding to the event loop every few ms. BibTeX entries
 * come from the cache, so after one edit only that entry is serialised again;
 * the header and crossref order are planned exactly as exportBibtex plans them.
 */
export async function buildTargetText(
  ctx: ServiceContext, target: AutoExportTarget, cache: BibtexEntryCache, saved: SavedSearchIds | null,
): Promise<TargetText> {
  const { items } = itemsForScope(ctx, await fixScope(ctx, targetScope(target), saved));
  if (target.format !== 'bibtex' && target.format !== 'biblatex') {
    return { parts: [Buffer.from(formatItems(ctx, items, target.format).text, 'utf8')], separator: NO_SEPARATOR, entries: items.length };
  }
  const dialect = target.format;
  const resolveKey = (key: string): Item | undefined => {
    const id = ctx.keys.find(key);
    const item = id ? ctx.store.getItem(id) : undefined;
    return item && item.trashedAt === null ? item : undefined;
  };
  const plan = planBibtexExport(items, { dialect, resolveKey, referencesOf: cache.referencesOf });
  const parts: Uint8Array[] = plan.header.map((h) => Buffer.from(h, 'utf8'));
  const slicer = new TimeSlicer(4);
  for (const item of plan.ordered) {
    parts.push(cache.entry(plan, item, dialect));
    if (slicer.due()) await slicer.yield();
  }
  return { parts, separator: ENTRY_SEPARATOR, entries: plan.ordered.length };
}

/** Same parts in the same order; unchanged entries are the very same cached buffers, so this is cheap. */
export function sameParts(a: readonly Uint8Array[] | undefined, b: readonly Uint8Array[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Uint8Array;
    const y = b[i] as Uint8Array;
    if (x !== y && !Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(y)) return false;
  }
  return true;
}
