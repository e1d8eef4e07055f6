import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { dispatchApiCall } from '../../shared/api/api-dispatch.ts';
import type { ApiResult } from '../../shared/api/api-error.ts';
import { CALL_PATH, EVENTS_PATH, TOKEN_FRAGMENT_KEY, TOKEN_HEADER } from '../../shared/api/web-protocol.ts';
import type { FolioService } from '../services/folio-service.ts';
import { readStatic } from '../services/renderer-assets/static-files.ts';
import { RENDERER_CSP } from '../services/renderer-assets/renderer-csp.ts';
import { ATTACHMENTS_PATH, serveAttachment } from './attachment-route.ts';


const MAX_BODY = 256 * 1024 * 1024;

export interface WebHost {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface WebHostOptions {
  service: FolioService;
  rendererDir: string;
  port?: number;
  token?: string;
}

function sameToken(expected: Buffer, given: string | null | undefined): boolean {
  if (!given) return false;
  const buf = Buffer.from(given);
  return buf.length === expected.length && timingSafeEqual(buf, expected);
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': RENDERER_CSP,
  });
  res.end(body);
}

function sendResult(res: ServerResponse, status: number, result: ApiResult): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(result));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Serves the built renderer and the FolioApi on 127.0.0.1 only, guarded by a per-run token. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const { service } = options;
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  const hostAllowed = (req: IncomingMessage): boolean => {
    const host = req.headers.host ?? '';
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  };
  const originAllowed = (req: IncomingMessage): boolean => {
    const origin = req.headers.origin;
    return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
  };

  const handleCall = async (req: IncomingMessage, res: ServerResponse) => {
    if (!sameToken(tokenBuf, req.headers[TOKEN_HEADER] as string | undefined)) {
      return sendResult(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Missing or wrong token' } });
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendResult(res, 415, { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Expected application/json' } });
    }
    let body: { method?: unknown; args?: unknown };
    try {
      body = JSON.parse(await readBody(req)) as { method?: unknown; args?: unknown };
    } catch (error) {
      return sendResult(res, 400, { ok: false, error: { code: 'INVALID_ARGUMENT', message: `Bad request body: ${(error as Error).message}` } });
    }
    sendResult(res, 200, await dispatchApiCall(service.api, body.method, body.args));
  };

  const handleEvents = (url: URL, res: ServerResponse) => {
    if (!sameToken(tokenBuf, url.searchParams.get(TOKEN_FRAGMENT_KEY))) return send(res, 403, 'text/plain', 'Forbidden');
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    res.on('close', () => sseClients.delete(res));
  };

  const stopEvents = service.hub.subscribe((message) => {
    const line = `data: ${JSON.stringify(message)}\n\n`;
    for (const client of sseClients) client.write(line);
  });

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!hostAllowed(req) || !originAllowed(req)) return send(res, 403, 'text/plain', 'Forbidden host or origin');
    if (req.method === 'POST' && url.pathname === CALL_PATH) {
      handleCall(req, res).catch((error: unknown) => {
        sendResult(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(error) } });
      });
      return;
    }
    if (req.method === 'GET' && url.pathname === EVENTS_PATH) return handleEvents(url, res);
    if (req.method === 'GET' && url.pathname.startsWith(ATTACHMENTS_PATH)) {
      // Opened in a new tab, so the token comes as a query parameter, as for the event stream.
      if (!sameToken(tokenBuf, url.searchParams.get(TOKEN_FRAGMENT_KEY))) return send(res, 403, 'text/plain', 'Forbidden');
      serveAttachment(service, url.pathname, res).catch(() => send(res, 500, 'text/plain', 'Internal error'));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    readStatic(options.rendererDir, url.pathname).then(
      (file) => (file ? send(res, 200, file.type, file.body) : send(res, 404, 'text/plain', 'Not found')),
      () => send(res, 500, 'text/plain', 'Internal error'),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#${TOKEN_FRAGMENT_KEY}=${token}`,
    port,
    async close() {
      stopEvents();
      for (const client of sseClients) client.end();
      sseClients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
