import type { FolioApi } from '../../../shared/api/folio-api.ts';
import type { AddByIdentifiersResult, LookupExisting, LookupFailure } from '../../../shared/api/lookup-types.ts';
import { findIdentifiers, identifierCsl, identifierKey, type FoundIdentifier } from '../../../shared/formats/identifiers/index.ts';
import type { CslItemData } from '../../../shared/model/csl.ts';
import type { Item } from '../../../shared/model/item.ts';
import { toItemRow } from '../../../shared/model/item-row.ts';
import { createItem } from '../../../shared/library/item-factory.ts';
import type { ServiceContext } from '../service-context.ts';
import { findExistingItem, identifierOfItem, mergeFetched } from './lookup-merge.ts';
import { LookupError } from './lookup-errors.ts';
import type { MetadataFetcher } from './metadata-fetcher.ts';

/** Lookups run a few at a time: fast for a pasted list, polite to the services. */
const CONCURRENCY = 4;

async function mapLimited<T, R>(values: readonly T[], limit: number, run: (value: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(values.length);
  let next = 0;
  const worker = async () => {
    while (next < values.length) {
      const index = next++;
      out[index] = await run(values[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
  return out;
}

export function fetchFor(fetcher: MetadataFetcher, found: FoundIdentifier): Promise<CslItemData> {
  switch (found.kind) {
    case 'doi': return fetcher.doi(found.value);
    case 'arxiv':
    case 'hf-paper': return fetcher.arxiv(found.value);
    case 'isbn': return fetcher.isbn(found.value);
    case 'url': return Promise.reject(new LookupError('not-found', 'not a paper identifier (DOI, arXiv id or ISBN)'));
  }
}

/** One identifier per paper: a Hugging Face paper URL is its arXiv id. */
function distinctIdentifiers(text: string): FoundIdentifier[] {
  const seen = new Set<string>();
  const out: FoundIdentifier[] = [];
  for (const found of findIdentifiers(text)) {
    const kind = found.kind === 'hf-paper' ? 'arxiv' : found.kind;
    const key = `${kind}:${found.value.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(found);
  }
  return out;
}

/**
 * An item known only by its identifier: the identifier stands in as its title, so the table shows
 * something readable; the lookup replaces it (it is not a user edit).
 */
function pendingCsl(found: FoundIdentifier): CslItemData {
  return { ...identifierCsl(found), title: identifierKey(found) };
}

type Outcome =
  | { kind: 'existing'; existing: LookupExisting }
  | { kind: 'failure'; failure: LookupFailure }
  | { kind: 'fetched'; found: FoundIdentifier; csl: CslItemData }
  | { kind: 'pending'; found: FoundIdentifier; reason: string };

export function createLookupMethods(ctx: ServiceContext, fetcher: MetadataFetcher): Omit<FolioApi['lookup'], 'findInLibrary'> {
  const existingFor = (found: FoundIdentifier, csl: CslItemData): Outcome | null => {
    const item = findExistingItem(ctx, csl);
    return item ? { kind: 'existing', existing: { identifier: found.raw, itemId: item.id, key: item.citationKey } } : null;
  };

  const lookUp = async (found: FoundIdentifier): Promise<Outcome> => {
    const placeholder = identifierCsl(found);
    const known = existingFor(found, placeholder);
    if (known) return known;
    try {
      const fetched = { ...placeholder, ...(await fetchFor(fetcher, found)) };
      // The fetched record may name a DOI the library already has (an arXiv paper's journal version).
      return existingFor(found, fetched) ?? { kind: 'fetched', found, csl: fetched };
    } catch (error) {
      if (error instanceof LookupError && error.retryable) return { kind: 'pending', found, reason: error.message };
      const reason = error instanceof Error ? error.message : String(error);
      return { kind: 'failure', failure: { identifier: found.raw, reason } };
    }
  };

  return {
    async addByIdentifiers(text) {
      const result: AddByIdentifiersResult = { created: [], pending: 0, failures: [], existing: [] };
      const found = distinctIdentifiers(text);
      if (found.length === 0) {
        result.failures.push({ identifier: text.trim().slice(0, 80), reason: 'no DOI, arXiv id, ISBN or Hugging Face paper URL found' });
        return result;
      }
      const outcomes = await mapLimited(found, CONCURRENCY, lookUp);
      const now = ctx.now();
      const pattern = ctx.store.settings().keyPattern;
      const items: Item[] = [];
      for (const outcome of outcomes) {
        if (outcome.kind === 'existing') result.existing.push(outcome.existing);
        else if (outcome.kind === 'failure') result.failures.push(outcome.failure);
        else {
          // Two identifiers of one paper in the same text (its DOI and its arXiv id) make one item.
          if (items.some((i) => findExistingItem(ctx, outcome.kind === 'fetched' ? outcome.csl : identifierCsl(outcome.found), [i]))) continue;
          const item = outcome.kind === 'fetched'
            ? createItem({ csl: outcome.csl, citationKey: ctx.keys.generate(outcome.csl, pattern), now })
            : { ...createItem({ csl: pendingCsl(outcome.found), citationKey: ctx.keys.claim(identifierKey(outcome.found)), now }), metadataPending: true };
          ctx.keys.add(item);
          items.push(item);
          if (outcome.kind === 'pending') {
            result.pending++;
            result.failures.push({ identifier: outcome.found.raw, reason: outcome.reason });
          }
        }
      }
      try {
        await ctx.putItems(items);
      } catch (error) {
        for (const item of items) ctx.keys.remove(item);
        throw error;
      }
      result.created = items.map(toItemRow);
      return result;
    },

    async retryPending() {
      const pending = [...ctx.store.items()].filter((i) => i.metadataPending && i.trashedAt === null);
      const failures: LookupFailure[] = [];
      let completed = 0;
      let stillPending = 0;
      const settle = (item: Item): Item => {
        const next: Item = { ...item, modifiedAt: ctx.now() };
        delete next.metadataPending;
        return next;
      };
      const updated = await mapLimited(pending, CONCURRENCY, async (item): Promise<Item | null> => {
        const found = identifierOfItem(item);
        if (!found) {
          failures.push({ identifier: item.citationKey, reason: 'no DOI, arXiv id or ISBN to look up' });
          return settle(item);
        }
        try {
          const merged = mergeFetched(item, await fetchFor(fetcher, found), ctx.now());
          completed++;
          return merged;
        } catch (error) {
          failures.push({ identifier: found.raw, reason: error instanceof Error ? error.message : String(error) });
          if (error instanceof LookupError && error.retryable) {
            stillPending++;
            return null;
          }
          // A definite answer ("DOI not found"): stop asking.
          return settle(item);
        }
      });
      await ctx.putItems(updated.filter((i): i is Item => i !== null));
      return { completed, stillPending, failures };
    },
  };
}
