import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import { FolioError } from '../../../shared/api/api-error.ts';
import { CONNECTOR_PATHS, CONNECTOR_TOKEN_HEADER, MAX_SAVE_BODY, MAX_SMALL_BODY } from '../../../shared/api/connector-protocol.ts';
import type { FolioApi } from '../../../shared/api/folio-api.ts';
import type { ConnectorPairings } from './connector-pairings.ts';
import { attachSchema, lookupSchema, pairStartSchema, pairStatusSchema, saveSchema } from './connector-requests.ts';
import { HttpRefusal as BodyRefusal, readBodyWithin } from '../loopback-http/request-body.ts';
import { ConnectorSaves, SaveRefused } from './connector-saves.ts';

export interface ConnectorServer {
  readonly port: number;
  close(): Promise<void>;
}

export interface ConnectorServerOptions {
  api: FolioApi;
  pairings: ConnectorPairings;
  port: number;
}

/** A Chromium extension's origin: 32 letters a-p. A web page, a file or another app never has one. */
const EXTENSION_ORIGIN = /^chrome-extension:\/\/[a-p]{32}$/;

class HttpRefusal extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  // No Access-Control-Allow-* headers, ever: a web page can neither read an answer nor pass a preflight.
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(status === 413 ? { connection: 'close' } : {}),
  });
  res.end(JSON.stringify(body));
}

/** The body as JSON, read with the hosts' one bounded reader (Content-Length first, then stop at the limit). */
async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  let body: Buffer;
  try {
    body = await readBodyWithin(req, limit);
  } catch (error) {
    if (error instanceof BodyRefusal) throw new HttpRefusal(error.status, error.status === 413 ? 'TOO_LARGE' : 'INVALID_ARGUMENT', error.message);
    throw error;
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new HttpRefusal(400, 'INVALID_ARGUMENT', `The body is not JSON: ${(error as Error).message}`);
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new HttpRefusal(400, 'INVALID_ARGUMENT', issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'bad request');
}

const STATUS_OF: Partial<Record<string, number>> = { NOT_FOUND: 404, INVALID_ARGUMENT: 400, CONFLICT: 409, LOCKED: 409, PARSE: 422 };

/**
 * The connector endpoint on 127.0.0.1 (docs/connector.md). Every request must name this port on the loopback
 * address as its Host (no DNS rebinding), come from a Chromium extension's Origin, be a JSON POST within its
 * size limit, and, except to pair, carry a token paired to that very Origin. Anything else is 403 and changes nothing.
 */
export async function startConnectorServer(options: ConnectorServerOptions): Promise<ConnectorServer> {
  const { pairings } = options;
  const saves = new ConnectorSaves(options.api, pairings.state);
  let port = 0;
  // One save at a time: a save repeated while the first is still running finds its idempotency key recorded.
  let saving: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = saving.then(run, run);
    saving = next.catch(() => undefined);
    return next;
  };

  const guard = (req: IncomingMessage): string => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) throw new HttpRefusal(403, 'FORBIDDEN', 'Wrong Host');
    if (req.method !== 'POST') throw new HttpRefusal(403, 'FORBIDDEN', 'Only POST');
    const origin = req.headers.origin ?? '';
    if (!EXTENSION_ORIGIN.test(origin)) throw new HttpRefusal(403, 'FORBIDDEN', 'Only the Folio browser extension may call this port');
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') throw new HttpRefusal(403, 'FORBIDDEN', 'Expected application/json');
    return origin;
  };

  const paired = async (req: IncomingMessage, origin: string): Promise<void> => {
    const token = req.headers[CONNECTOR_TOKEN_HEADER];
    if (typeof token !== 'string' || token.length < 20 || !(await pairings.state.isPaired(token, origin))) {
      throw new HttpRefusal(403, 'NOT_PAIRED', 'Not paired: pair the extension with Folio first');
    }
  };

  const route = async (req: IncomingMessage, path: string): Promise<unknown> => {
    const origin = guard(req);
    switch (path) {
      case CONNECTOR_PATHS.pair:
        parse(pairStartSchema, await readJson(req, MAX_SMALL_BODY));
        return pairings.request(origin);
      case CONNECTOR_PATHS.pairStatus:
        return pairings.status(parse(pairStatusSchema, await readJson(req, MAX_SMALL_BODY)).pairingId, origin);
      case CONNECTOR_PATHS.status:
        await paired(req, origin);
        await readJson(req, MAX_SMALL_BODY);
        return saves.status();
      case CONNECTOR_PATHS.lookup:
        await paired(req, origin);
        return saves.lookup(parse(lookupSchema, await readJson(req, MAX_SMALL_BODY)));
      case CONNECTOR_PATHS.save: {
        // The token is checked before a large body is read.
        await paired(req, origin);
        const request = parse(saveSchema, await readJson(req, MAX_SAVE_BODY));
        return serial(() => saves.save(request));
      }
      case CONNECTOR_PATHS.attach: {
        await paired(req, origin);
        const request = parse(attachSchema, await readJson(req, MAX_SAVE_BODY));
        return serial(() => saves.attach(request));
      }
      default:
        throw new HttpRefusal(403, 'FORBIDDEN', 'Unknown path');
    }
  };

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    route(req, path).then(
      (body) => send(res, 200, body),
      (error: unknown) => {
        if (error instanceof HttpRefusal) {
          send(res, error.status, { error: { code: error.code, message: error.message } });
          // A large refused body is not read: the connection is closed. A small one is drained, so the
          // client is not reset (and its answer lost) for the bytes it had already sent.
          const length = Number(req.headers['content-length'] ?? Number.NaN);
          if (error.status === 403 && Number.isFinite(length) && length <= MAX_SMALL_BODY) req.resume();
          else if (error.status === 413 || error.status === 403) res.once('finish', () => req.destroy());
        } else if (error instanceof SaveRefused) {
          send(res, 422, { error: { code: 'PARSE', message: error.message } });
        } else if (error instanceof FolioError) {
          send(res, STATUS_OF[error.code] ?? 500, { error: { code: error.code, message: error.message } });
        } else {
          send(res, 500, { error: { code: 'INTERNAL', message: String(error) } });
        }
      },
    );
  });
  // A browser's keep-alive connection must not hold the port open at shutdown.
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pairings.state.flush();
    },
  };
}
