import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { dispatchApiCall } from '../../shared/api/api-dispatch.ts';
import { noteWindowCall } from '../services/library-store/window-first.ts';
import type { ApiResult } from '../../shared/api/api-error.ts';
import { CALL_PATH, EVENTS_PATH, TOKEN_FRAGMENT_KEY, TOKEN_HEADER } from '../../shared/api/web-protocol.ts';
import type { FolioService } from '../services/folio-service.ts';
import { readStatic } from '../services/renderer-assets/static-files.ts';
import { RENDERER_CSP } from '../services/renderer-assets/renderer-csp.ts';
import { HttpRefusal, readBodyWithin } from '../services/loopback-http/request-body.ts';
import { loopbackRequestAllowed, sameToken } from '../services/loopback-http/request-guards.ts';
import { ATTACHMENTS_PATH, serveAttachment } from './attachment-route.ts';
import { MAX_CALL_BODY_BYTES, parseCallBody } from './call-body.ts';

export interface WebHost {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface WebHostOptions {
  /**
   * The library's service, or its open still under way: the host then listens at once, so the browser loads the
   * renderer while the library opens, and each call waits for the open (a failed open answers every call with its
   * error; the web host's main exits on it).
   */
  service: FolioService | Promise<FolioService>;
  rendererDir: string;
  port?: number;
  token?: string;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...extra,
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': RENDERER_CSP,
  });
  res.end(body);
}

function sendResult(res: ServerResponse, status: number, result: ApiResult, extra: Record<string, string> = {}): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(result), extra);
}

/** A body refused for its size is not read further, so the connection cannot carry another request. */
function sendRefusal(res: ServerResponse, refusal: HttpRefusal): void {
  const extra: Record<string, string> = refusal.status === 413 ? { connection: 'close' } : {};
  sendResult(res, refusal.status, { ok: false, error: { code: 'INVALID_ARGUMENT', message: refusal.message } }, extra);
}

/** Serves the built renderer and the FolioApi on 127.0.0.1 only, guarded by a per-run token. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const opened = Promise.resolve(options.service);
  // A failed open is the caller's to report; here it only answers the calls made meanwhile.
  opened.catch(() => undefined);
  const openedApi = opened.then((service) => service.api);
  openedApi.catch(() => undefined);
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  const handleCall = async (req: IncomingMessage, res: ServerResponse) => {
    if (!sameToken(tokenBuf, req.headers[TOKEN_HEADER] as string | undefined)) {
      return sendResult(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Missing or wrong token' } });
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendResult(res, 415, { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Expected application/json' } });
    }
    noteWindowCall();
    let body: ReturnType<typeof parseCallBody>;
    try {
      body = parseCallBody(await readBodyWithin(req, MAX_CALL_BODY_BYTES));
    } catch (error) {
      if (error instanceof HttpRefusal) return sendRefusal(res, error);
      throw error;
    }
    sendResult(res, 200, await dispatchApiCall(openedApi, body.method, body.args));
  };

  const handleEvents = (url: URL, res: ServerResponse) => {
    if (!sameToken(tokenBuf, url.searchParams.get(TOKEN_FRAGMENT_KEY))) return send(res, 403, 'text/plain', 'Forbidden');
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    res.on('close', () => sseClients.delete(res));
  };

  // No event exists before the service does, so a client connected during the open misses none.
  let stopEvents = (): void => undefined;
  let closed = false;
  void opened.then((service) => {
    if (closed) return;
    stopEvents = service.hub.subscribe((message) => {
      const line = `data: ${JSON.stringify(message)}\n\n`;
      for (const client of sseClients) client.write(line);
    });
  }, () => undefined);

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!loopbackRequestAllowed(req, port)) return send(res, 403, 'text/plain', 'Forbidden host or origin');
    if (req.method === 'POST' && url.pathname === CALL_PATH) {
      handleCall(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendResult(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(error) } });
      });
      return;
    }
    if (req.method === 'GET' && url.pathname === EVENTS_PATH) return handleEvents(url, res);
    if (req.method === 'GET' && url.pathname.startsWith(ATTACHMENTS_PATH)) {
      // Opened in a new tab, so the token comes as a query parameter, as for the event stream.
      if (!sameToken(tokenBuf, url.searchParams.get(TOKEN_FRAGMENT_KEY))) return send(res, 403, 'text/plain', 'Forbidden');
      opened.then((service) => serveAttachment(service, url.pathname, res, req.headers.range)).catch(() => (res.headersSent ? res.destroy() : send(res, 500, 'text/plain', 'Internal error')));
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
      closed = true;
      stopEvents();
      for (const client of sseClients) client.end();
      sseClients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
