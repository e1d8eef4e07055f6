import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryChangedEvent } from '../../../shared/api/event-types.ts';
import { tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import { openFolioService, type FolioService } from '../folio-service.ts';
import { EVENT_ROWS_LIMIT } from './library-view-state.ts';

describe('library change events carry what a window needs', () => {
  let remove = async (): Promise<void> => undefined;
  let service: FolioService;
  let events: LibraryChangedEvent[];

  beforeEach(async () => {
    let dir: string;
    ({ dir, remove } = await tempLibraryFolder('events'));
    service = await openFolioService(dir, 'test', { host: 'web' });
    await service.ready;
    events = [];
    service.hub.asEvents().onLibraryChanged((event) => events.push(event));
  });
  afterEach(async () => {
    await service.dispose();
    await remove();
  });

  it('sends the edited row, the removed ids and the counts, so the editing window asks nothing again', async () => {
    const { api } = service;
    const item = await api.library.createItem({ csl: { type: 'book', title: 'Before' } });
    await api.view.counts();
    await api.library.updateItem(item.id, { csl: { title: 'After' } });
    const edit = events.at(-1);
    expect(edit?.rows?.map((r) => [r.id, r.title])).toEqual([[item.id, 'After']]);
    expect(edit?.removedIds).toEqual([]);
    expect(edit?.counts).toMatchObject({ all: 1, trash: 0 });
    expect(edit?.revision).toBe((await api.view.query({ view: 'all', sort: { column: 'title', direction: 'asc' }, filter: '' }, 0, 1)).revision);
    await api.library.trash([item.id]);
    expect(events.at(-1)?.counts).toMatchObject({ all: 0, trash: 1 });
    await api.library.purge([item.id]);
    expect(events.at(-1)).toMatchObject({ itemIds: [item.id], rows: [], removedIds: [item.id], counts: { all: 0, trash: 0 } });
  });

  it('names a bulk change without its rows, and the view still follows it', async () => {
    const bib = Array.from({ length: EVENT_ROWS_LIMIT + 20 }, (_, i) => `@misc{m${i}, title={Misc ${i}}}`).join('\n');
    await service.api.view.counts();
    await service.api.io.importText({ text: bib, fileName: 'many.bib' });
    const bulk = events.at(-1);
    expect(bulk?.rows).toBeUndefined();
    expect(bulk?.counts?.all).toBe(EVENT_ROWS_LIMIT + 20);
    const page = await service.api.view.query({ view: 'all', sort: { column: 'title', direction: 'asc' }, filter: 'misc 519' }, 0, 100);
    expect(page.rows.map((r) => r.title)).toEqual(['Misc 519']);
  });
});
