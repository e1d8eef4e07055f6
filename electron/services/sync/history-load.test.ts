import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ItemId } from '../../../shared/model/ids.ts';
import { openFolioService } from '../folio-service.ts';
import { changesDir } from './changes-files.ts';

const ENTRIES = 2_000;
const bib = Array.from({ length: ENTRIES }, (_, i) => `@misc{k${i}, title = {Title ${i}}}\n`).join('');

function loggedOps(folder: string): { id: string; f?: string; v?: unknown; k: string; chg: string }[] {
  const dir = changesDir(folder);
  return readdirSync(dir).filter((n) => n.startsWith('log-')).sort()
    .flatMap((n) => readFileSync(join(dir, n), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { id: string; f?: string; v?: unknown; k: string; chg: string }));
}

describe('changes made while the change history loads in the background', { timeout: 120_000 }, () => {
  it('are each logged once, after the catch-up, and undo takes them back', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'folio-history-load-')), 'lib');
    const first = await openFolioService(folder, 'cli', { host: 'web', search: { inThread: true }, oneShot: true });
    const report = await first.importWithOptions({ text: bib, fileName: 'many.bib' }, {});
    await first.dispose();
    const [a, b, c] = report.itemIds as [ItemId, ItemId, ItemId];

    const service = await openFolioService(folder, 'cli', { host: 'web', search: { inThread: true } });
    // The load has begun and cannot have finished (it reads files): these commit while it runs.
    const loading = service.loadHistory();
    await service.api.library.updateItem(a, { csl: { title: 'Edited during the load' } });
    await service.api.library.updateItem(a, { csl: { title: 'Edited twice' } });
    await service.api.library.trash([b]);
    await loading;

    const history = await service.api.history.forItem(a);
    expect(history.map((e) => [e.field, e.oldValue, e.newValue])).toEqual([['title', 'Edited during the load', 'Edited twice'], ['title', 'Title 0', 'Edited during the load'], ['create', null, null]]);
    const ops = loggedOps(folder).filter((op) => op.id === a);
    expect(ops.filter((op) => op.k === 'create')).toHaveLength(1);
    expect(ops.filter((op) => op.f === 'csl.title').map((op) => op.v)).toEqual(['Edited during the load', 'Edited twice']);
    // Nothing else became a catch-up change: the library and its log agreed before the edits.
    expect(loggedOps(folder).filter((op) => op.id === c)).toHaveLength(1);

    expect((await service.api.history.undoStatus()).undoDepth).toBe(4);
    await service.api.history.undo(2);
    expect(service.store.getItem(a)?.csl.title).toBe('Edited during the load');
    expect(service.store.getItem(b)?.trashedAt).toBeNull();
    await service.dispose();
  });
});
