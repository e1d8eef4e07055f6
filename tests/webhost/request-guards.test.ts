import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_PATH, TOKEN_HEADER } from '../../shared/api/web-protocol.ts';
import { MAX_CALL_BODY_BYTES } from '../../electron/webhost/call-body.ts';
import { peakMemoryBytes, webHostClient, type WebHostClient } from '../helpers/web-host-client.ts';
import { startWebHostProcess, type RunningHost } from '../helpers/web-host-process.ts';

/** The call endpoint of the real web host process, fed malformed, oversized and misaddressed requests. */
let library: string;
let host: RunningHost;
let client: WebHostClient;

beforeAll(async () => {
  library = mkdtempSync(join(tmpdir(), 'folio-guards-'));
  host = await startWebHostProcess(library);
  client = webHostClient(host);
});
afterAll(async () => {
  expect(await host.stop()).toBe(0);
  rmSync(library, { recursive: true, force: true });
});

interface RawExchange {
  /** What the host answered (status line, headers, body), as text. */
  response: string;
  /** Body bytes the client managed to hand to the socket before the host answered or closed. */
  sent: number;
}

/**
 * Sends `head` and then, if asked, a chunked body of 1 MiB chunks for as long as the host keeps
 * reading; resolves when the host has closed the connection.
 */
function rawRequest(head: string, chunkedBytes = 0): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket: Socket = connect(client.port, '127.0.0.1');
    let response = '';
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
    const pump = () => {
      while (!answered && !socket.destroyed && sent < chunkedBytes) {
        sent += chunk.length;
        if (!socket.write(frame)) return void socket.once('drain', pump);
      }
      if (chunkedBytes > 0 && !answered && !socket.destroyed && sent >= chunkedBytes) socket.write('0\r\n\r\n');
    };
    socket.on('data', (data) => {
      response += data.toString('latin1');
      answered = true;
    });
    // A host that stops reading may reset the connection while the client is still writing.
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ response, sent }));
    socket.write(head, () => pump());
  });
}

const callHead = (extra: string) =>
  `POST ${CALL_PATH} HTTP/1.1\r\nHost: 127.0.0.1:${client.port}\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: ${client.token}\r\nconnection: close\r\n${extra}\r\n`;

describe('request bodies', () => {
  it('answers every malformed body shape with 400 and a message', async () => {
    const cases: Array<[string, RegExp]> = [
      ['null', /must be a JSON object/],
      ['[]', /must be a JSON object/],
      ['"library.info"', /must be a JSON object/],
      ['42', /must be a JSON object/],
      ['', /not JSON/],
      ['{"method":', /not JSON/],
      ['{}', /"method" must be a string/],
      ['{"method":5,"args":[]}', /"method" must be a string/],
      ['{"method":"library.info"}', /"args" must be an array/],
      ['{"method":"library.info","args":null}', /"args" must be an array/],
      ['{"method":"library.info","args":{"0":1}}', /"args" must be an array/],
    ];
    for (const [body, message] of cases) {
      const response = await client.postRaw(body);
      const json = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
      expect(response.status, body).toBe(400);
      expect(json, body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(message) } });
    }
    expect(await client.api.library.info()).toMatchObject({ path: library });
  });

  it('refuses an oversized body by its Content-Length, before reading any of it', async () => {
    const exchange = await rawRequest(callHead(`content-length: ${300 * 1024 * 1024}\r\n`));
    expect(exchange.response).toMatch(/^HTTP\/1\.1 413 /);
    expect(exchange.response).toMatch(/"code":"INVALID_ARGUMENT"/);
    expect(exchange.response).toMatch(/300 MB.*limit/);
  }, 60_000);

  it('stops reading a chunked body at the limit, with bounded memory, and keeps answering', async () => {
    const before = await peakMemoryBytes(host.process.pid!);
    const exchange = await rawRequest(callHead('transfer-encoding: chunked\r\n'), MAX_CALL_BODY_BYTES + 256 * 1024 * 1024);
    // Socket and parser buffers on both sides hold some MiB that the host never read (about 17 MiB seen).
    expect(exchange.sent).toBeLessThan(MAX_CALL_BODY_BYTES + 64 * 1024 * 1024);
    if (exchange.response !== '') expect(exchange.response).toMatch(/^HTTP\/1\.1 413 /);
    expect(await peakMemoryBytes(host.process.pid!)).toBeLessThan(before + MAX_CALL_BODY_BYTES + 96 * 1024 * 1024);
    expect(await client.api.library.info()).toMatchObject({ path: library });
  }, 120_000);
});

describe('Host and Origin', () => {
  it('refuses a request for another Host name (DNS rebinding) or from another Origin', async () => {
    const rebound = await rawRequest(`GET / HTTP/1.1\r\nHost: evil.example:${client.port}\r\nconnection: close\r\n\r\n`);
    expect(rebound.response).toMatch(/^HTTP\/1\.1 403 /);
    const noHost = await rawRequest('GET / HTTP/1.0\r\nconnection: close\r\n\r\n');
    expect(noHost.response).toMatch(/^HTTP\/1\.[01] (400|403) /);
    const cross = await rawRequest(callHead(`origin: http://127.0.0.1.evil.example:${client.port}\r\ncontent-length: 2\r\n`) + '{}');
    expect(cross.response).toMatch(/^HTTP\/1\.1 403 /);
    const own = await rawRequest(`GET / HTTP/1.1\r\nHost: localhost:${client.port}\r\nconnection: close\r\n\r\n`);
    expect(own.response).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('serves the renderer with the strict CSP: scripts from itself only, no eval, no inline scripts', async () => {
    const page = await client.get('/');
    const csp = page.headers.get('content-security-policy') ?? '';
    const scripts = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
    expect(scripts).toBe("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
