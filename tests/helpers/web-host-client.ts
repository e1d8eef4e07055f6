import { readFile } from 'node:fs/promises';
import { createApiClient } from '../../shared/api/api-client.ts';
import type { ApiResult } from '../../shared/api/api-error.ts';
import type { FolioApi } from '../../shared/api/folio-api.ts';
import { CALL_PATH, TOKEN_FRAGMENT_KEY, TOKEN_HEADER } from '../../shared/api/web-protocol.ts';
import type { RunningHost } from './web-host-process.ts';

export interface WebHostClient {
  origin: string;
  port: number;
  token: string;
  /** The FolioApi over real HTTP, as the renderer's web platform calls it. */
  api: FolioApi;
  /** GET a path on the host; `withToken` adds `?token=` as the attachment links do. */
  get(path: string, withToken?: boolean): Promise<Response>;
  /** POST a raw body to the call endpoint, with the token and a JSON content type. */
  postRaw(body: string): Promise<Response>;
}

/** A client for a host started by startWebHostProcess, reading the token from the URL it printed. */
export function webHostClient(host: RunningHost): WebHostClient {
  const url = new URL(host.url);
  const token = new URLSearchParams(url.hash.slice(1)).get(TOKEN_FRAGMENT_KEY) ?? '';
  const origin = url.origin;
  const postRaw = (body: string) =>
    fetch(origin + CALL_PATH, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token }, body });
  const api = createApiClient(async (method, args) => (await (await postRaw(JSON.stringify({ method, args }))).json()) as ApiResult);
  return {
    origin,
    port: Number(url.port),
    token,
    api,
    get: (path, withToken = false) => fetch(`${origin}${path}${withToken ? `?${TOKEN_FRAGMENT_KEY}=${encodeURIComponent(token)}` : ''}`),
    postRaw,
  };
}

/** Peak resident memory of a process, from /proc (Linux), in bytes. */
export async function peakMemoryBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}
