import { findDuplicatesOf } from '../../../shared/dedupe/index.ts';
import { arxivIdFromDoi, findIdentifiers, normalizeIsbn, type FoundIdentifier } from '../../../shared/formats/identifiers/index.ts';
import type { CslItemData } from '../../../shared/model/csl.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import type { ServiceContext } from '../service-context.ts';

/** A library item (not in the trash) that is this paper by DOI, arXiv id or ISBN. `among` narrows the search. */
export function findExistingItem(ctx: ServiceContext, csl: CslItemData, among?: readonly Item[]): Item | undefined {
  const pool = among ?? [...ctx.store.items()].filter((i) => i.trashedAt === null);
  const isbn = typeof csl.ISBN === 'string' ? normalizeIsbn(csl.ISBN) : null;
  if (isbn) {
    const byIsbn = pool.find((i) => typeof i.csl.ISBN === 'string' && normalizeIsbn(i.csl.ISBN) === isbn);
    if (byIsbn) return byIsbn;
  }
  const pair = findDuplicatesOf([{ id: '\u0000new', csl }], pool.map((i) => ({ id: i.id, csl: i.csl }))).find((p) => p.reason !== 'title-year-author');
  if (!pair) return undefined;
  return among ? among.find((i) => i.id === pair.b) : ctx.store.getItem(pair.b as ItemId);
}

/** What to look an item up by: its arXiv id first (the richest record), then its DOI, then its ISBN. */
export function identifierOfItem(item: Item): FoundIdentifier | null {
  const c = item.csl;
  const text = [c.archive_location, c.DOI, c.URL, c.ISBN].filter((v): v is string => typeof v === 'string').join(' ');
  const found = findIdentifiers(text);
  const doi = found.find((f) => f.kind === 'doi');
  const arxivFromDoi = doi ? arxivIdFromDoi(doi.value) : null;
  if (arxivFromDoi) return { kind: 'arxiv', value: arxivFromDoi.id, raw: `arXiv:${arxivFromDoi.id}`, index: 0 };
  return found.find((f) => f.kind === 'arxiv' || f.kind === 'hf-paper') ?? doi ?? found.find((f) => f.kind === 'isbn') ?? null;
}

/**
 * Fills an item with fetched metadata. Variables the user edited stay as they are; so do the
 * citation key and everything outside `csl` (keys never change behind the user's back).
 */
export function mergeFetched(item: Item, fetched: CslItemData, now: string): Item {
  const edited = new Set(item.editedFields ?? []);
  const csl: CslItemData = { ...item.csl };
  for (const [variable, value] of Object.entries(fetched)) {
    if (value === undefined || edited.has(variable)) continue;
    csl[variable] = value;
  }
  const next: Item = { ...item, csl, modifiedAt: now };
  delete next.metadataPending;
  return next;
}
