import { request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTOR_PATHS, CONNECTOR_TOKEN_HEADER, MAX_SAVE_BODY } from '../../../shared/api/connector-protocol.ts';
import { openFolioService, type FolioService } from '../folio-service.ts';
import { arxivPaper, doiPaper } from '../../../tests/helpers/pdf-fixtures.ts';
import { ConnectorPairings } from './connector-pairings.ts';
import { startConnectorServer, type ConnectorServer } from './connector-server.ts';

const ORIGIN = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}`;
const page = readFileSync(join(import.meta.dirname, '../../../tests/fixtures/html-meta/arxiv-abs.html'), 'utf8');
let dir: string;
let service: FolioService;
let pairings: ConnectorPairings;
let server: ConnectorServer;
let token = '';

interface Answer { status: number; body: Record<string, unknown> }

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port: server.port, path, method: 'POST',
      headers: { host: `127.0.0.1:${server.port}`, origin: ORIGIN, 'content-type': 'application/json', ...(token ? { [CONNECTOR_TOKEN_HEADER]: token } : {}), ...headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end(text);
  });
}

const itemCount = async () => (await service.api.library.listRows()).length;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'folio-connector-'));
  pairings = new ConnectorPairings(join(dir, 'connector.json'));
  service = await openFolioService(dir, 'test', { host: 'web', connector: pairings });
  server = await startConnectorServer({ api: service.api, pairings, port: 0 });
});
afterAll(async () => {
  await server.close();
  await service.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('connector endpoint over real HTTP', () => {
  it('pairs only after the user allows it in the window, and hands the token over once', async () => {
    const started = await post(CONNECTOR_PATHS.pair, { browser: 'Chromium' });
    expect(started.status).toBe(200);
    const { pairingId, code } = started.body as { pairingId: string; code: string };
    expect(code).toMatch(/^[2-9A-Z]{3}-[2-9A-Z]{3}$/);
    expect((await post(CONNECTOR_PATHS.pairStatus, { pairingId })).body).toEqual({ state: 'pending' });
    const prompt = await service.api.connector.pendingPairing();
    expect(prompt).toMatchObject({ code, origin: ORIGIN });
    // Another extension cannot collect this pairing.
    const other = await post(CONNECTOR_PATHS.pairStatus, { pairingId }, { origin: `chrome-extension://${'p'.repeat(32)}` });
    expect(other.body).toEqual({ state: 'expired' });
    await service.api.connector.answerPairing(prompt!.id, true);
    const allowed = await post(CONNECTOR_PATHS.pairStatus, { pairingId });
    expect(allowed.body).toMatchObject({ state: 'allowed', token: expect.any(String) });
    token = allowed.body.token as string;
    expect((await post(CONNECTOR_PATHS.pairStatus, { pairingId })).body).toEqual({ state: 'expired' });
    expect(await service.api.connector.pendingPairing()).toBeNull();
    expect(readFileSync(join(dir, 'connector.json'), 'utf8')).not.toContain(token);
  });

  it('refuses wrong Host, wrong Origin, stale token, a form content type, GET and preflight with 403, changing nothing', async () => {
    const save = { idempotencyKey: 'refused-0001', pageUrl: 'https://arxiv.org/abs/1706.03762', html: page, collectionId: null, tags: [], pdf: null };
    const cases: Array<[string, Record<string, string>, string?]> = [
      ['wrong Host (DNS rebinding)', { host: `evil.example:${server.port}` }],
      ['wrong port in Host', { host: '127.0.0.1:1' }],
      ['a web page Origin', { origin: 'http://127.0.0.1:8080' }],
      ['no Origin', { origin: '' }],
      ['stale token', { [CONNECTOR_TOKEN_HEADER]: 'stale-token-from-an-old-pairing-xyz' }],
      ['a plain form', { 'content-type': 'application/x-www-form-urlencoded' }, 'html=x'],
      ['text/plain', { 'content-type': 'text/plain' }],
    ];
    for (const [name, headers, body] of cases) {
      const answer = await post(CONNECTOR_PATHS.save, body ?? save, headers);
      expect(answer.status, name).toBe(403);
    }
    for (const method of ['GET', 'OPTIONS']) {
      const status = await new Promise<number>((resolve) => {
        request({ host: '127.0.0.1', port: server.port, path: CONNECTOR_PATHS.save, method, headers: { origin: ORIGIN } }, (res) => resolve(res.statusCode ?? 0)).end();
      });
      expect(status, method).toBe(403);
    }
    expect(await itemCount()).toBe(0);
  });

  it('answers 413 to a body over the limit without reading it, and nothing is saved', async () => {
    const answer = await new Promise<number>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1', port: server.port, path: CONNECTOR_PATHS.save, method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json', [CONNECTOR_TOKEN_HEADER]: token, 'content-length': String(MAX_SAVE_BODY + 1) },
      }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.write('{"idempotencyKey":');
    });
    expect(answer).toBe(413);
    const small = await post(CONNECTOR_PATHS.lookup, { doi: 'x'.repeat(70_000), arxivId: null });
    expect(small.status).toBe(413);
    expect(await itemCount()).toBe(0);
  });

  it('saves a page with its PDF through the API, answers a repeated key from the record, and finds the paper again', async () => {
    const collection = await service.api.collections.create('To read', null);
    const pdf = { fileName: '1706.03762.pdf', dataBase64: Buffer.from(await arxivPaper()).toString('base64') };
    const save = { idempotencyKey: 'save-0001-abcdef', pageUrl: 'https://arxiv.org/abs/1706.03762', html: page, collectionId: collection.id, tags: ['transformers'], pdf };
    const first = await post(CONNECTOR_PATHS.save, save);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: 'created', title: 'Attention Is All You Need', pdf: 'attached', hasPdf: true, sources: 'citation_* (7 fields)', replayed: false });
    const item = await service.api.library.getItem(first.body.itemId as never);
    expect(item).toMatchObject({ tags: ['transformers'], collections: [collection.id] });
    expect(item.attachments).toHaveLength(1);

    const again = await post(CONNECTOR_PATHS.save, save);
    expect(again.body).toMatchObject({ itemId: first.body.itemId, replayed: true });
    const fresh = await post(CONNECTOR_PATHS.save, { ...save, idempotencyKey: 'save-0002-abcdef' });
    expect(fresh.body).toMatchObject({ status: 'exists', itemId: first.body.itemId, pdf: 'already-attached', replayed: false });
    const lookup = await post(CONNECTOR_PATHS.lookup, { doi: null, arxivId: '1706.03762v7' });
    expect(lookup.body).toEqual({ match: { itemId: first.body.itemId, citationKey: item.citationKey, title: 'Attention Is All You Need', hasPdf: true } });
    expect(await itemCount()).toBe(1);
    const status = await post(CONNECTOR_PATHS.status, {});
    expect(status.body).toMatchObject({ collections: [{ id: collection.id, path: 'To read' }] });
  });

  it('a page that describes no paper is refused with its reason (422), nothing added', async () => {
    const answer = await post(CONNECTOR_PATHS.save, { idempotencyKey: 'shop-0001-abcdef', pageUrl: 'https://shop.example/', html: '<title>Shoes</title>', collectionId: null, tags: [], pdf: null });
    expect(answer.status).toBe(422);
    expect(await itemCount()).toBe(1);
  });

  it('saves a PDF opened in the browser through the PDF import, which reads its DOI and title; the same file again is no new item', async () => {
    const pdf = { fileName: 'resnet.pdf', dataBase64: Buffer.from(await doiPaper()).toString('base64') };
    const save = { idempotencyKey: 'pdf-0001-abcdef', kind: 'pdf', pageUrl: 'https://example.org/papers/resnet.pdf', html: '', collectionId: null, tags: ['vision'], pdf };
    const first = await post(CONNECTOR_PATHS.save, save);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: 'created', pdf: 'attached', hasPdf: true, sources: 'PDF' });
    const item = await service.api.library.getItem(first.body.itemId as never);
    expect(item.csl.DOI).toBe('10.1109/cvpr.2016.90');
    expect(item.tags).toEqual(['vision']);
    expect(item.attachments).toHaveLength(1);
    const again = await post(CONNECTOR_PATHS.save, { ...save, idempotencyKey: 'pdf-0002-abcdef' });
    expect(again.body).toMatchObject({ status: 'exists', itemId: first.body.itemId, pdf: 'already-attached' });
    const empty = await post(CONNECTOR_PATHS.save, { ...save, idempotencyKey: 'pdf-0003-abcdef', pdf: null });
    expect(empty.status).toBe(400);
    expect(await itemCount()).toBe(2);
  });
});
