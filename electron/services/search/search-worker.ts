// Worker thread: the search index lives here, so building it and answering queries never block the main process.
import { parentPort } from 'node:worker_threads';
import { SearchCore } from './search-engine.ts';
import { packRank } from './rank-packing.ts';
import type { SearchWorkerReply, SearchWorkerRequest } from './search-worker-protocol.ts';

const core = new SearchCore();

/** A reply whose buffers are moved to the main thread, not copied. */
class Moved {
  readonly value: unknown;
  readonly transfer: ArrayBuffer[];

  constructor(value: unknown, transfer: ArrayBuffer[]) {
    this.value = value;
    this.transfer = transfer;
  }
}

function answer(request: SearchWorkerRequest): unknown {
  switch (request.kind) {
    case 'put': core.put(request.docs, request.fingerprints); return null;
    case 'load': return core.load(request.path);
    case 'reconcile': return core.reconcile(request.expected);
    case 'save': return core.save(request.path);
    case 'remove': core.remove(request.ids); return null;
    case 'search': return core.search(request.request);
    case 'rank': {
      // Packed, its buffers moved: see rank-packing.ts.
      const { packed, transfer } = packRank(core.rank(request.request));
      return new Moved(packed, transfer);
    }
    case 'matches': return core.matches(request.query, request.ids, request.now);
    case 'count': return core.count(request.queries, request.collections);
    case 'related': return core.related(request.id, request.limit);
  }
}

const failed = (seq: number, error: unknown): SearchWorkerReply => ({ seq, ok: false, message: error instanceof Error ? error.message : String(error) });

parentPort?.on('message', (request: SearchWorkerRequest) => {
  let value: unknown;
  try {
    value = answer(request);
  } catch (error) {
    parentPort?.postMessage(failed(request.seq, error));
    return;
  }
  // Loading and saving read and write files: answered when done, while other requests go on meanwhile.
  if (value instanceof Promise) {
    value.then((v: unknown) => parentPort?.postMessage({ seq: request.seq, ok: true, value: v } satisfies SearchWorkerReply), (error: unknown) => parentPort?.postMessage(failed(request.seq, error)));
  } else if (value instanceof Moved) {
    parentPort?.postMessage({ seq: request.seq, ok: true, value: value.value } satisfies SearchWorkerReply, value.transfer);
  } else parentPort?.postMessage({ seq: request.seq, ok: true, value } satisfies SearchWorkerReply);
});
