// Worker entry: citeproc-js runs here, off the host's event loop. Node 24 runs this file as .ts;
// electron-vite bundles it for Electron through the `?modulePath` import in electron/main.
import { parentPort } from 'node:worker_threads';
import { formatBibliography } from './citeproc-formatter.ts';
import type { WorkerReply, WorkerRequest } from './worker-protocol.ts';

const port = parentPort;
if (!port) throw new Error('bibliography-worker must run as a worker thread');

port.on('message', (request: WorkerRequest) => {
  const reply = (message: WorkerReply): void => port.postMessage(message);
  try {
    const out = formatBibliography(request.job, (done, total) => reply({ id: request.id, kind: 'progress', done, total }));
    reply({ id: request.id, kind: 'done', text: out.text, count: out.count });
  } catch (error) {
    reply({ id: request.id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
