import type { Collection } from '../../../shared/model/collection.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { SearchDoc } from '../../../shared/search/index/search-doc.ts';
import type { SearchRequest } from './search-engine.ts';

/** Messages to the search worker; each is answered once, in order. `seq` pairs a reply with its request. */
export type SearchWorkerRequest =
  | { seq: number; kind: 'put'; docs: SearchDoc[]; fingerprints: string[] }
  | { seq: number; kind: 'load'; path: string }
  | { seq: number; kind: 'reconcile'; expected: Array<[ItemId, string]> }
  | { seq: number; kind: 'save'; path: string }
  | { seq: number; kind: 'remove'; ids: ItemId[] }
  | { seq: number; kind: 'search'; request: SearchRequest }
  | { seq: number; kind: 'rank'; request: SearchRequest }
  | { seq: number; kind: 'matches'; query: string; ids: ItemId[]; now?: number }
  | { seq: number; kind: 'count'; queries: string[]; collections: readonly Collection[] }
  | { seq: number; kind: 'related'; id: ItemId; limit: number };

export type SearchWorkerReply = { seq: number; ok: true; value: unknown } | { seq: number; ok: false; message: string };
