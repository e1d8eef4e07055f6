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

describe('the replica snapshot', { timeout: 120_000 }, () => {
  it('is left out by a one-shot import and by a long-lived process alike while the log holds everything', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'folio-recorder-')), 'lib');
    const cli = await openFolioService(folder, 'cli', { host: 'web', search: { inThread: true }, oneShot: true });
    const report = await cli.importWithOptions({ text: bib, fileName: 'many.bib' }, {});
    expect(report.imported).toBe(ENTRIES);
    await cli.dispose();
    expect(existsSync(join(changesDir(folder), 'replica.jsonl'))).toBe(false);

    const app = await openFolioService(folder, 'test', { host: 'web', search: { inThread: true } });
    await app.ready;
    const first = report.itemIds[0] as (typeof report.itemIds)[number];
    await app.api.library.updateItem(first, { csl: { title: 'Edited' } });
    await app.loadHistory();
    await app.dispose();
    // More operations than a snapshot was once taken after, and none was written: the next load replays the log.
    expect(existsSync(join(changesDir(folder), 'replica.jsonl'))).toBe(false);
    expect(await readReplicaFile(changesDir(folder))).toBeNull();
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

describe('loading the change history', { timeout: 120_000 }, () => {
  it('rebuilds the replica from the log when no snapshot was written, with nothing left behind by the close', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'folio-recorder-close-')), 'lib');
    mkdirSync(folder);
    const first = library(folder);
    await first.recorder.loaded();
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
