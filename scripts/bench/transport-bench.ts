import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deserialize, serialize } from 'node:v8';
import { dispatchApiCall } from '../../shared/api/api-dispatch.ts';
import type { ApiMethodName } from '../../shared/api/api-methods.ts';
import { CALL_PATH, TOKEN_HEADER } from '../../shared/api/web-protocol.ts';
import { openFolioService } from '../../electron/services/folio-service.ts';
import { startWebHost } from '../../electron/webhost/web-host.ts';
import { stats } from './measure.ts';

type Stats = ReturnType<typeof stats>;

export interface TransportBench {
  /** What crosses per call: the page the table asks for, and the ordered ids of select-all. */
  calls: Record<string, { ipc: Stats; http: Stats; bytesJson: number }>;
}

/**
 * The same calls through both hosts' paths, in one Node process: Electron's IPC is the dispatch
 * plus V8's serializer (what ipcMain.handle uses to carry a result to the renderer, structured
 * clone) both ways; the web host is real loopback HTTP with JSON. The renderer-side work beyond
 * that (React) is the same for both, so the browser bench over HTTP stands for both hosts once
 * these two paths cost about the same.
 */
export async function benchTransports(libraryDir: string): Promise<TransportBench> {
  const service = await openFolioService(libraryDir, 'web', { host: 'web' });
  await service.ready;
  const host = await startWebHost({ service, rendererDir: mkdtempSync(join(tmpdir(), 'folio-bench-empty-')), token: 'bench' });
  const origin = `http://127.0.0.1:${host.port}`;
  try {
    const query = { view: 'all', sort: { column: 'title', direction: 'asc' }, filter: '' } as const;
    const total = (await service.api.view.query(query, 0, 0)).total;
    const cases: [string, ApiMethodName, unknown[]][] = [
      ['view.query 160 rows', 'view.query', [query, 0, 160]],
      ['view.query filtered "attention"', 'view.query', [{ ...query, filter: 'attention' }, 0, 160]],
      [`view.ids all ${total}`, 'view.ids', [query, 0, total]],
    ];
    const calls: TransportBench['calls'] = {};
    for (const [label, method, args] of cases) {
      const ipc: number[] = [];
      const http: number[] = [];
      let bytesJson = 0;
      for (let i = 0; i < 25; i++) {
        const a = performance.now();
        const result = await dispatchApiCall(service.api, method, deserialize(serialize(args)));
        deserialize(serialize(result));
        ipc.push(performance.now() - a);
        const b = performance.now();
        const response = await fetch(origin + CALL_PATH, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: 'bench' },
          body: JSON.stringify({ method, args }),
        });
        const text = await response.text();
        JSON.parse(text);
        http.push(performance.now() - b);
        bytesJson = text.length;
      }
      calls[label] = { ipc: stats(ipc), http: stats(http), bytesJson };
    }
    return { calls };
  } finally {
    await host.close();
    await service.dispose();
  }
}
