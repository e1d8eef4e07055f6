import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../shared/api/api-client.ts';
import type { ApiResult } from '../../shared/api/api-error.ts';
import type { FolioApi } from '../../shared/api/folio-api.ts';
import { CALL_PATH, TOKEN_HEADER } from '../../shared/api/web-protocol.ts';
import { openFolioService, type FolioService } from '../../electron/services/folio-service.ts';
import { startWebHost } from '../../electron/webhost/web-host.ts';

vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }, net: { fetch: vi.fn() } }));
const { registerIpc } = await import('../../electron/main/ipc.ts');
const { IPC_CALL_CHANNEL } = await import('../../shared/api/ipc-channels.ts');

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function service(): Promise<FolioService> {
  const s = await openFolioService(mkdtempSync(join(tmpdir(), 'folio-contract-')), 'test', { host: 'web' });
  cleanups.push(() => s.dispose());
  return s;
}

/** The Electron host: the real ipcMain handler (sender checks, schema validation) behind the preload's client. */
async function ipcClient(): Promise<FolioApi> {
  const s = await service();
  let handler: ((event: unknown, method: unknown, args: unknown) => Promise<ApiResult>) | undefined;
  const ipcMain = { handle: (channel: string, h: typeof handler) => { if (channel === IPC_CALL_CHANNEL) handler = h; }, removeHandler: () => undefined };
  const mainFrame = { url: 'folio://app/index.html' };
  const contents = { mainFrame };
  registerIpc(ipcMain as never, s.api, () => contents as never);
  // Like ipcRenderer.invoke: arguments are structured-cloned on the way.
  return createApiClient((method, args) => handler!({ sender: contents, senderFrame: mainFrame }, method, structuredClone(args)));
}

/** The web host: real HTTP on loopback with the per-run token. */
async function httpClient(): Promise<FolioApi> {
  const s = await service();
  const host = await startWebHost({ service: s, rendererDir: mkdtempSync(join(tmpdir(), 'folio-empty-')), token: 'contract-token' });
  cleanups.push(() => host.close());
  const origin = `http://127.0.0.1:${host.port}`;
  return createApiClient(async (method, args) => {
    const response = await fetch(origin + CALL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: 'contract-token' },
      body: JSON.stringify({ method, args }),
    });
    return (await response.json()) as ApiResult;
  });
}

const BIB = '@article{lecun1998gradient, title={Gradient-Based Learning Applied to Document Recognition}, author={LeCun, Yann and Bottou, L{\\\'e}on}, journal={Proc. {IEEE}}, year=1998}\n@misc{bad, title={unterminated';

for (const [name, make] of [['Electron IPC', ipcClient], ['web host HTTP', httpClient]] as const) {
  describe(`FolioApi contract over ${name}`, () => {
    it('imports, lists, edits, organises, annotates and exports with the same results', async () => {
      const api = await make();
      const report = await api.io.importText({ text: BIB, fileName: 'refs.bib' });
      expect(report).toMatchObject({ format: 'bibtex', imported: 1, skipped: [{ file: 'refs.bib', line: 2 }] });
      const [row] = await api.library.listRows();
      expect(row).toMatchObject({ key: 'lecun1998gradient', authors: 'LeCun, Bottou', year: 1998, venue: 'Proc. IEEE', trashed: false });
      const id = row!.id;
      const edited = await api.library.updateItem(id, { csl: { title: 'Gradient-based learning & recognition' }, read: 'read' });
      expect(edited.editedFields).toEqual(['title']);
      const parent = await api.collections.create('Vision', null);
      const child = await api.collections.create('Classic', parent.id);
      await api.collections.addItems(child.id, [id]);
      await api.notes.save(id, 'LeNet: $y = f(Wx + b)$');
      expect(await api.notes.get(id)).toBe('LeNet: $y = f(Wx + b)$');
      const bib = await api.io.export({ scope: { kind: 'collection', collectionId: parent.id, includeChildren: true }, format: 'bibtex' });
      expect(bib.count).toBe(1);
      expect(bib.text).toContain('@article{lecun1998gradient,');
      expect(bib.text).toContain('Gradient-based learning \\& recognition');
      expect(bib.text).toContain("{LeCun, Yann and Bottou, L{\\'e}on}");
      expect(await api.io.citeCommand([id], 'citep')).toBe('\\citep{lecun1998gradient}');
    });

    it('answers errors as {code, message} and validates arguments', async () => {
      const api = await make();
      await expect(api.library.getItem('it_nope' as never)).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'No item with id it_nope' });
      await expect(api.collections.create('', null)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(api.library.updateItem('x' as never, { rating: 11 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    });

    it('searches, relates and saves searches, and answers a malformed query with its position', async () => {
      const api = await make();
      await api.io.importText({ text: `${BIB.split('\n')[0]}\n@article{bottou2010large, title={Large-Scale Machine Learning with Stochastic Gradient Descent}, author={Bottou, L{\\'e}on}, year=2010}`, fileName: 'refs.bib' });
      const answer = await api.search.query({ query: 'author:bottou gradiant', limit: 5 });
      expect(answer.ok && answer.hits.map((h) => h.key).sort()).toEqual(['bottou2010large', 'lecun1998gradient']);
      const bad = await api.search.query({ query: 'year:(' });
      expect(bad).toMatchObject({ ok: false, error: { span: { start: 0 } } });
      const id = answer.ok ? (answer.hits.find((h) => h.key === 'lecun1998gradient')?.id as never) : (null as never);
      const related = await api.search.related(id, 5);
      expect(related[0]).toMatchObject({ row: { key: 'bottou2010large' } });
      expect(related[0]?.why).toContain('shared author');
      await api.search.save('Bottou', 'author:bottou', null);
      await api.search.save('Bottou 2010', 'author:bottou year:2010', 'Bottou');
      expect(await api.search.listSaved()).toEqual([{ name: 'Bottou 2010', query: 'author:bottou year:2010', count: 1 }]);
      await expect(api.search.save('x', 'title:"open', null)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await api.search.removeSaved('Bottou 2010');
      expect(await api.search.listSaved()).toEqual([]);
    });

    it('answers the view: ranges, ids, positions and counts, filtered and sorted by the service', async () => {
      const api = await make();
      const bib = ['Zeta networks', 'Alpha attention', 'Mu attention', 'Beta graphs']
        .map((title, i) => `@article{k${i}, title={${title}}, author={Écrivain, Ann}, year=${2000 + i}}`).join('\n');
      await api.io.importText({ text: bib, fileName: 'view.bib' });
      const byTitle = { view: 'all', sort: { column: 'title', direction: 'asc' }, filter: '' } as const;
      const page = await api.view.query(byTitle, 1, 2);
      expect(page).toMatchObject({ total: 4, inViewCount: 4, offset: 1 });
      expect(page.rows.map((r) => r.title)).toEqual(['Beta graphs', 'Mu attention']);
      const filtered = await api.view.query({ ...byTitle, filter: 'ATTENTION ecrivain' }, 0, 10);
      expect(filtered.rows.map((r) => r.title)).toEqual(['Alpha attention', 'Mu attention']);
      expect(filtered.inViewCount).toBe(4);
      const ids = await api.view.ids({ ...byTitle, sort: { column: 'year', direction: 'desc' } }, 0, 10);
      expect(ids.total).toBe(4);
      const rows = await api.view.query(byTitle, 0, 10);
      expect(ids.ids).toEqual([...rows.rows].sort((a, b) => (b.year ?? 0) - (a.year ?? 0)).map((r) => r.id));
      const located = await api.view.locate(byTitle, [rows.rows[2]!.id, 'it_missing' as never]);
      expect(located.indices).toEqual([2, -1]);
      await api.library.trash([rows.rows[0]!.id]);
      await api.library.addTags([rows.rows[1]!.id], ['ml']);
      expect(await api.view.counts()).toEqual({ all: 3, unfiled: 3, trash: 1, tags: [{ tag: 'ml', count: 1 }] });
      const after = await api.view.query(byTitle, 0, 10);
      expect(after.total).toBe(3);
      expect(after.revision).toBeGreaterThan(page.revision);
      expect((await api.view.query({ ...byTitle, view: 'trash' }, 0, 10)).rows.map((r) => r.title)).toEqual(['Alpha attention']);
      await expect(api.view.query(byTitle, -1, 10)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(api.view.query({ ...byTitle, sort: { column: 'rating', direction: 'asc' } } as never, 0, 10)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    });

    it('exports a saved search as a scope, and auto-exports one', async () => {
      const api = await make();
      await api.io.importText({ text: BIB, fileName: 'refs.bib' });
      await api.search.save('LeCun', 'author:lecun', null);
      const out = await api.io.export({ scope: { kind: 'saved', name: 'LeCun' }, format: 'bibtex' });
      expect(out.count).toBe(1);
      expect(out.text).toContain('@article{lecun1998gradient,');
      await expect(api.io.export({ scope: { kind: 'saved', name: '' }, format: 'bibtex' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(api.io.addAutoExport({ path: '/tmp/folio-contract-none.bib', format: 'bibtex', collectionId: null, savedSearch: 'nope' }))
        .rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('finds an item by DOI or arXiv id, and has no pairing waiting', async () => {
      const api = await make();
      expect(await api.lookup.findInLibrary({ arxivId: '1706.03762' })).toBeNull();
      await api.io.importText({ text: '@misc{v, title={Attention Is All You Need}, eprint={1706.03762}, archivePrefix={arXiv}, doi={10.48550/arXiv.1706.03762}}', fileName: 'a.bib' });
      expect(await api.lookup.findInLibrary({ arxivId: 'arXiv:1706.03762v7' })).toMatchObject({ citationKey: 'v', hasPdf: false });
      expect(await api.connector.pendingPairing()).toBeNull();
      await expect(api.connector.answerPairing('nope', true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('keeps the UI state', async () => {
      const api = await make();
      const state = { ...(await api.ui.getState()), view: 'trash', filter: 'lecun' };
      await api.ui.setState(state);
      expect(await api.ui.getState()).toEqual(state);
    });
  });
}

describe('web host guards', () => {
  it('refuses calls without the token, from another origin, or for another Host', async () => {
    const s = await service();
    const host = await startWebHost({ service: s, rendererDir: mkdtempSync(join(tmpdir(), 'folio-empty-')), token: 'right-token' });
    cleanups.push(() => host.close());
    const url = `http://127.0.0.1:${host.port}${CALL_PATH}`;
    const body = JSON.stringify({ method: 'library.listRows', args: [] });
    const noToken = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(noToken.status).toBe(403);
    const wrong = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: 'wrong-token' }, body });
    expect(wrong.status).toBe(403);
    const cross = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: 'right-token', origin: 'https://evil.example' }, body });
    expect(cross.status).toBe(403);
    const form = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain', [TOKEN_HEADER]: 'right-token' }, body });
    expect(form.status).toBe(415);
    const traversal = await fetch(`http://127.0.0.1:${host.port}/..%2f..%2fetc%2fpasswd`);
    expect(traversal.status).toBe(404);
    const ok = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: 'right-token' }, body });
    expect(await ok.json()).toEqual({ ok: true, value: [] });
  });
});

for (const [name, make] of [['Electron IPC', ipcClient], ['web host HTTP', httpClient]] as const) {
  describe(`sync and history over ${name}`, () => {
    it('records history, undoes and redoes, reverts, and exchanges with a sync folder', async () => {
      const api = await make();
      await api.io.importText({ text: BIB, fileName: 'refs.bib' });
      const [row] = await api.library.listRows();
      const id = row!.id;
      await api.library.updateItem(id, { csl: { title: 'First' } });
      await api.library.addTags([id], ['vision']);
      const history = await api.history.forItem(id);
      expect(history.map((e) => e.field).slice(0, 2)).toEqual(['tags', 'title']);
      expect(history[1]).toMatchObject({ oldText: 'Gradient-Based Learning Applied to Document Recognition', newText: 'First', conflict: null, revertible: true });
      expect(await api.history.undoStatus()).toMatchObject({ canUndo: true, canRedo: false, undoLabel: 'Add tag vision to 1 item' });
      expect((await api.history.undo(1)).steps).toBe(1);
      expect((await api.library.getItem(id)).tags).toEqual([]);
      expect((await api.history.redo(1)).status).toMatchObject({ canRedo: false });
      expect((await api.library.getItem(id)).tags).toEqual(['vision']);
      await api.history.revert(history[1]!.id);
      expect((await api.library.getItem(id)).csl.title).toBe('Gradient-Based Learning Applied to Document Recognition');
      await expect(api.history.chooseConflict(history[1]!.id, 'other')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });

      const folder = join(mkdtempSync(join(tmpdir(), 'folio-contract-sync-')), 'Sync');
      expect(await api.sync.configure(folder, 'Contract')).toMatchObject({ folder, deviceName: 'Contract', state: 'idle' });
      const exchange = await api.sync.syncNow();
      expect(exchange).toMatchObject({ received: 0, conflicts: 0, devices: 1 });
      expect(exchange.sent).toBeGreaterThan(0);
      const status = await api.sync.status();
      expect(status).toMatchObject({ pendingSend: 0, lastError: null });
      expect(status.lastExchangeAt).not.toBeNull();
      expect((await api.sync.configure(null, null)).state).toBe('off');
    });
  });
}
