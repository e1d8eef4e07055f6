import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../../shared/model/item.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import { emptyLibraryDoc } from '../../../shared/model/library-doc.ts';
import { KeyIndex } from '../../../shared/library/key-index.ts';
import { createMemoryLibraryStore } from '../library-store/memory-library-store.ts';
import { EventHub } from '../event-hub.ts';
import { ServiceContext } from '../service-context.ts';
import { ChangeRecorder } from './change-recorder.ts';
import { SyncEngine } from './sync-engine.ts';
import { createHistoryMethods } from './history-methods.ts';

function makeItem(i: number): Item {
  return {
    id: `it_prune${String(i).padStart(4, '0')}` as ItemId, citationKey: `prune${i}`, keyPinned: false,
    csl: { type: 'book', title: `Book ${i}` }, tags: [], collections: [], read: 'unread', rating: 0, flagged: false,
    addedAt: '2025-01-01T00:00:00.000Z', modifiedAt: '2025-01-01T00:00:00.000Z', trashedAt: null, attachments: [], note: null, annotations: [],
  };
}

function device(root: string, name: string, items: Item[] = []) {
  const dir = join(root, name);
  mkdirSync(dir);
  const store = createMemoryLibraryStore({ ...emptyLibraryDoc(), items }, dir);
  const ctx = new ServiceContext(store, new KeyIndex(store.items()), new EventHub());
  const recorder = new ChangeRecorder(store, () => undefined);
  ctx.commitObserver = recorder;
  // Small segments and frequent snapshots, so a few dozen changes show the policy.
  const engine = new SyncEngine(ctx, recorder, { opsPerSegment: 10, snapshotEvery: 15 });
  const titles = (): string[] => [...store.items()].map((i) => `${i.id} ${i.citationKey} ${i.csl.title ?? ''}`).sort();
  return { ctx, store, recorder, engine, titles };
}

const deviceId = async (d: ReturnType<typeof device>): Promise<string> => (await d.engine.status()).deviceId;
const files = (folder: string, id: string): string[] => readdirSync(join(folder, 'devices', id)).sort();

describe('pruning old segments of the sync folder', { timeout: 60_000 }, () => {
  it("deletes only this device's segments once every device read them and a snapshot holds them; a device joining later gets the same library", async () => {
    const root = mkdtempSync(join(tmpdir(), 'folio-prune-'));
    const folder = join(root, 'Sync');
    const a = device(root, 'a', Array.from({ length: 30 }, (_, i) => makeItem(i)));
    const b = device(root, 'b');
    await a.engine.configure(folder, 'A');
    await b.engine.configure(folder, 'B');
    await b.engine.syncNow();
    await a.engine.syncNow();
    const idA = await deviceId(a);
    const idB = await deviceId(b);
    // B is in the folder and has not read A yet: nothing of A's may go.
    expect(files(folder, idA).filter((f) => f.startsWith('ops-'))).toEqual(['ops-000001.jsonl', 'ops-000002.jsonl', 'ops-000003.jsonl']);
    await b.engine.syncNow();
    await a.engine.syncNow();
    expect(files(folder, idA).filter((f) => f.startsWith('ops-'))).toHaveLength(3);

    // B edits (its own segments), then acknowledges what it read of A; A edits more, and prunes what B read.
    for (let i = 0; i < 12; i++) await b.ctx.putItems([{ ...(b.store.getItem(makeItem(i).id) as Item), csl: { type: 'book', title: `Edited on B ${i}` } }]);
    await b.engine.syncNow();
    const filesOfB = files(folder, idB);
    for (let i = 12; i < 30; i++) await a.ctx.putItems([{ ...(a.store.getItem(makeItem(i).id) as Item), csl: { type: 'book', title: `Edited on A ${i}` } }]);
    await a.engine.syncNow();
    await b.engine.syncNow();
    await a.engine.syncNow();

    const left = files(folder, idA).filter((f) => f.startsWith('ops-'));
    expect(left).not.toContain('ops-000001.jsonl');
    expect(left).not.toContain('ops-000002.jsonl');
    const deviceFile = JSON.parse(readFileSync(join(folder, 'devices', idA, 'device.json'), 'utf8')) as { pruned: Record<string, number> };
    expect(Object.keys(deviceFile.pruned)).toEqual(expect.arrayContaining(['ops-000001.jsonl', 'ops-000002.jsonl']));
    // Never another device's files: whatever of B's is gone, B itself listed as pruned.
    const prunedByB = (JSON.parse(readFileSync(join(folder, 'devices', idB, 'device.json'), 'utf8')) as { pruned: Record<string, number> }).pruned;
    const goneOfB = filesOfB.filter((f) => f.startsWith('ops-') && !files(folder, idB).includes(f));
    for (const f of goneOfB) expect(prunedByB[f]).toBeGreaterThan(0);

    // A new device joins after the pruning: it starts from a snapshot that holds the pruned segments.
    const c = device(root, 'c');
    await c.engine.configure(folder, 'C');
    await c.engine.syncNow();
    await b.engine.syncNow();
    expect(c.titles()).toHaveLength(30);
    expect(c.titles()).toEqual(a.titles());
    expect(b.titles()).toEqual(a.titles());
    const status = await c.engine.status();
    const known = Object.fromEntries(status.devices.map((d) => [d.name, d.operations]));
    expect(known.A).toBeGreaterThan(0);
    expect(known.B).toBeGreaterThan(0);
    for (const d of [a, b, c]) await d.recorder.close();
  });

  it("keeps the other devices' names in the history when the library joins another folder", async () => {
    const root = mkdtempSync(join(tmpdir(), 'folio-names-'));
    const a = device(root, 'a', [makeItem(1)]);
    const b = device(root, 'b');
    await a.engine.configure(join(root, 'Sync'), 'Laptop');
    await b.engine.configure(join(root, 'Sync'), 'Desktop');
    await a.engine.syncNow();
    await b.engine.syncNow();
    await b.ctx.putItems([{ ...(b.store.getItem(makeItem(1).id) as Item), csl: { type: 'book', title: 'Edited on the desktop' } }]);
    await b.engine.syncNow();
    await a.engine.syncNow();
    const history = createHistoryMethods(a.ctx, a.recorder);
    const names = async (): Promise<string[]> => [...new Set((await history.forItem(makeItem(1).id)).map((e) => e.deviceName))].sort();
    expect(await names()).toEqual(['Desktop', 'Laptop']);
    await a.engine.configure(join(root, 'Elsewhere'), null);
    await a.engine.syncNow();
    expect(await names()).toEqual(['Desktop', 'Laptop']);
    for (const d of [a, b]) await d.recorder.close();
  });
});
