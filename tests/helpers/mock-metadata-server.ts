import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type MockRoute = (req: IncomingMessage, res: ServerResponse) => void;

/** A metadata host on 127.0.0.1 for tests: DOI content negotiation, the arXiv API and OpenLibrary, served from a table. */
export async function startMockMetadataServer(routes: Record<string, MockRoute>): Promise<{ base: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    const route = routes[url] ?? routes[decodeURIComponent(url)];
    if (route) route(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export function json(body: unknown, type = 'application/json'): MockRoute {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': type });
    res.end(JSON.stringify(body));
  };
}

export function text(body: string, type: string): MockRoute {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  };
}

/** Never answers: a host that went away mid-request. */
export const hang: MockRoute = () => undefined;
