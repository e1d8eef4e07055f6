// Worker thread: the search index lives here, so building it and answering queries never block the main process.
import { parentPort } from 'node:worker_threads';
import { SearchCore } from './search-engine.ts';
import type { SearchWorkerReply, SearchWorkerRequest } from './search-worker-protocol.ts';

const core = new SearchCore();

function answer(request: SearchWorkerRequest): unknown {
  switch (request.kind) {
    case 'put': core.put(request.docs); return null;
    case 'remove': core.remove(request.ids); return null;
    case 'search': return core.search(request.request);
    case 'rank': return core.rank(request.request);
    case 'matches': return core.matches(request.query, request.ids, request.now);
    case 'count': return core.count(request.queries, request.collections);
    case 'related': return core.related(request.id, request.limit);
  }
}

parentPort?.on('message', (request: SearchWorkerRequest) => {
  let reply: SearchWorkerReply;
  try {
    reply = { seq: request.seq, ok: true, value: answer(request) };
  } catch (error) {
    reply = { seq: request.seq, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
