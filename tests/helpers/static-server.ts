import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One file the server answers: its bytes (or text) and content type. */
export interface StaticFile {
  body: string | Uint8Array;
  type: string;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Every request the server saw, as `METHOD /path`, for asserting what a browser fetched. */
  requests: string[];
  /** Adds or replaces a file; `{origin}` in a text body is replaced by this server's origin. */
  put(path: string, file: StaticFile): void;
  close(): Promise<void>;
}

/** A tiny static web server on 127.0.0.1 (a random free port), serving fixture pages to a real browser. */
export async function startStaticServer(files: Record<string, StaticFile> = {}): Promise<StaticServer> {
  const table = new Map<string, StaticFile>();
  const requests: string[] = [];
  let origin = '';
  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(`${req.method ?? 'GET'} ${path}`);
    const file = table.get(path);
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    const body = typeof file.body === 'string' ? Buffer.from(file.body.replaceAll('{origin}', origin)) : Buffer.from(file.body);
    res.writeHead(200, { 'content-type': file.type, 'content-length': String(body.length), 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const server: Server = createServer(answer);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  for (const [path, file] of Object.entries(files)) table.set(path, file);
  return {
    origin,
    port,
    requests,
    put: (path, file) => void table.set(path, file),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A free loopback port, found by binding port 0 and letting it go. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
