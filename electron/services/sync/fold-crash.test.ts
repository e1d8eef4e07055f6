import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFolioService, type FolioService } from '../folio-service.ts';

const services: FolioService[] = [];
afterAll(async () => {
  for (const s of services) await s.dispose().catch(() => undefined);
});

async function open(folder: string): Promise<FolioService> {
  const service = await openFolioService(folder, 'test', { host: 'web', search: { inThread: true } });
  await service.ready;
  services.push(service);
  return service;
}

describe('a fold the process did not finish', { timeout: 120_000 }, () => {
  it('is finished by the next exchange: the library\'s older value never comes back as a new edit', async () => {
    const root = mkdtempSync(join(tmpdir(), 'folio-fold-crash-'));
    const syncFolder = join(root, 'Sync');
    const a = await open(join(root, 'a'));
    const item = await a.api.library.createItem({ csl: { type: 'book', title: 'Original' } });
    await a.api.sync.configure(syncFolder, 'Laptop');
    await a.api.sync.syncNow();
    let b = await open(join(root, 'b'));
    await b.api.sync.configure(syncFolder, 'Desktop');
    await b.api.sync.syncNow();
    expect(b.store.getItem(item.id)?.csl.title).toBe('Original');

    await a.api.library.updateItem(item.id, { csl: { title: 'From the laptop' } });
    await a.api.sync.syncNow();
    // B logs the incoming edit, and then its library cannot take it (the process dies there, in effect).
    const commit = b.store.commit.bind(b.store);
    b.store.commit = () => Promise.reject(new Error('killed mid-fold'));
    await expect(b.api.sync.syncNow()).rejects.toThrow(/killed mid-fold/);
    expect(existsSync(join(root, 'b', 'changes', 'fold-pending.json'))).toBe(true);
    b.store.commit = commit;
    await b.dispose();
    services.splice(services.indexOf(b), 1);

    b = await open(join(root, 'b'));
    expect(b.store.getItem(item.id)?.csl.title).toBe('Original');
    await b.api.sync.syncNow();
    expect(b.store.getItem(item.id)?.csl.title).toBe('From the laptop');
    expect(existsSync(join(root, 'b', 'changes', 'fold-pending.json'))).toBe(false);
    await a.api.sync.syncNow();
    expect(a.store.getItem(item.id)?.csl.title).toBe('From the laptop');
    // B's history holds no edit of its own that put the old title back.
    const history = await b.api.history.forItem(item.id);
    expect(history.filter((e) => e.field === 'title' && e.newValue === 'Original' && e.deviceName === 'Desktop')).toEqual([]);
  });
});
