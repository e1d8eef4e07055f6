import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyIndex } from '../../../shared/library/key-index.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import { emptyLibraryDoc } from '../../../shared/model/library-doc.ts';
import { EventHub } from '../event-hub.ts';
import { createMemoryLibraryStore } from '../library-store/memory-library-store.ts';
import { ServiceContext } from '../service-context.ts';
import { ChangeRecorder } from './change-recorder.ts';
import { openFolioService } from '../folio-service.ts';
import { changesDir } from './changes-files.ts';
import { readReplicaFile } from './replica-file.ts';

const ENTRIES = 5_001;
const bib = Array.from({ length: ENTRIES }, (_, i) => `@misc{k${i}, title = {Title ${i}}}\n`).join('');

describe('the change log of a one-shot command', { timeout: 120_000 }, () => {
  it('leaves the replica snapshot to the next long-lived process, which rebuilds the replica from the log', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'folio-recorder-')), 'lib');
    const cli = await openFolioService(folder, 'cli', { host: 'web', search: { inThread: true }, oneShot: true });
    const report = await cli.importWithOptions({ text: bib, fileName: 'many.bib' }, {});
    expect(report.imported).toBe(ENTRIES);
    await cli.dispose();
    // More operations than a snapshot is taken after, and yet none was written.
    expect(existsSync(join(changesDir(folder), 'replica.jsonl'))).toBe(false);

    const app = await openFolioService(folder, 'test', { host: 'web', search: { inThread: true } });
    await app.ready;
    const first = report.itemIds[0] as (typeof report.itemIds)[number];
    await app.api.library.updateItem(first, { csl: { title: 'Edited' } });
    // The long-lived process writes it in the background (closing would give it up).
    await expect.poll(() => existsSync(join(changesDir(folder), 'replica.jsonl')), { timeout: 60_000 }).toBe(true);
    await app.dispose();
    const snapshot = await readReplicaFile(changesDir(folder));
    expect(snapshot?.replica.items.size).toBe(ENTRIES);
    expect(snapshot?.through).toBeGreaterThan(ENTRIES);
    expect(snapshot?.replica.items.get(first)?.fields.get('csl.title')?.v).toBe('Edited');
  });
});

function makeItem(i: number): Item {
  return {
    id: `it_close${String(i).padStart(5, '0')}` as ItemId, citationKey: `close${i}`, keyPinned: false,
    csl: { type: 'book', title: `Book ${i}` }, tags: [], collections: [], read: 'unread', rating: 0, flagged: false,
    addedAt: '2025-01-01T00:00:00.000Z', modifiedAt: '2025-01-01T00:00:00.000Z', trashedAt: null, attachments: [], note: null, annotations: [],
  };
}

function library(folder: string, items: Item[] = []) {
  const store = createMemoryLibraryStore({ ...emptyLibraryDoc(), items }, folder);
  const ctx = new ServiceContext(store, new KeyIndex(store.items()), new EventHub());
  const recorder = new ChangeRecorder(store, (message) => {
    throw new Error(message);
  });
  ctx.commitObserver = recorder;
  return { store, ctx, recorder };
}

describe('closing a long-lived process', { timeout: 120_000 }, () => {
  it('gives up the replica snapshot an import began rather than wait for it, and the next load replays the log', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'folio-recorder-close-')), 'lib');
    mkdirSync(folder);
    const first = library(folder);
    await first.recorder.loaded();
    // One change of more operations than a snapshot is taken after: the snapshot begins as it is logged.
    await first.ctx.putItems(Array.from({ length: ENTRIES }, (_, i) => makeItem(i)));
    await first.recorder.close();
    const dir = changesDir(folder);
    expect(readdirSync(dir).filter((name) => name.startsWith('replica') || name.includes('.tmp'))).toEqual([]);

    const second = library(folder, [...first.store.items()]);
    const state = await second.recorder.loaded();
    expect(state.log.all()).toHaveLength(ENTRIES);
    expect(state.replica.items.size).toBe(ENTRIES);
    expect(state.replica.items.get(makeItem(7).id)?.fields.get('csl.title')?.v).toBe('Book 7');
    await second.recorder.close();
  });
});
