import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFolioService, type FolioService } from '../folio-service.ts';

const services: FolioService[] = [];
afterAll(async () => {
  for (const s of services) await s.dispose();
});

async function open(folder: string): Promise<FolioService> {
  const service = await openFolioService(folder, 'test', { host: 'web', search: { inThread: true }, continuousSync: true });
  await service.ready;
  services.push(service);
  return service;
}


describe('continuous sync while the app runs', { timeout: 120_000 }, () => {
  it('publishes a change within seconds and the other library folds it in by itself', async () => {
    const root = mkdtempSync(join(tmpdir(), 'folio-continuous-'));
    const syncFolder = join(root, 'Sync');
    const a = await open(join(root, 'a'));
    const b = await open(join(root, 'b'));
    const item = await a.api.library.createItem({ csl: { type: 'book', title: 'Live' } });
    await a.api.sync.configure(syncFolder, 'Laptop');
    await b.api.sync.configure(syncFolder, 'Desktop');
    const arrived = new Promise<void>((resolve) => {
      const stop = b.hub.asEvents().onLibraryChanged(() => {
        if (b.store.getItem(item.id)?.csl.title === 'Edited live') {
          stop();
          resolve();
        }
      });
    });
    await a.api.library.updateItem(item.id, { csl: { title: 'Edited live' } });
    await arrived;
    // The exchange that brought it may still be finishing: the next one waits for it.
    await b.api.sync.syncNow();
    const status = await b.api.sync.status();
    expect(status.devices.map((d) => d.name).sort()).toEqual(['Desktop', 'Laptop']);
    // The devices table shows this device's own last change too, not a dash.
    const own = (await a.api.sync.status()).devices.find((d) => d.self);
    expect(own?.lastChangeAt).not.toBeNull();
    expect(Date.parse(own?.lastChangeAt ?? '')).toBeGreaterThan(Date.now() - 600_000);
  });
});
