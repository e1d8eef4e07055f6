import { existsSync, mkdtempSync, writeFileSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ItemId } from '../../shared/model/ids.ts';
import { createQuickFilter } from '../../shared/search/quick-filter.ts';
import { openFolioService } from '../../electron/services/folio-service.ts';
import { generateBib } from './generate-bib.ts';
import { longestBlock, round, stats, timed } from './measure.ts';

export interface ServiceBench {
  items: number;
  libraryJsonMB: number;
  libraryJsonBytesPerItem: number;
  importMs: number;
  importCloseMs: number;
  openMs: number;
  listRowsMs: number;
  /** Warm start: open + listRows answered from rows-cache.json. */
  openToRowsMs: number;
  /** From the start of the warm open until the whole library is loaded (service.ready). */
  fullLoadMs: number;
  /** Longest event-loop block from the start of the warm open until ready. */
  fullLoadLongestBlockMs: number;
  /** Without a rows cache: open + listRows, the load itself time-sliced. */
  coldOpenToRowsMs: number;
  coldOpenLongestBlockMs: number;
  /**
   * buildMs: creating the filter when rows arrive; idleIndexMs: folding every row for search, which the
   * renderer does in idle slices after the table shows; coldFirstKeystrokeMs: the first keystroke when the
   * user types before that finished (the worst case); perKeystroke: typing the query after it.
   */
  filter: { buildMs: number; idleIndexMs: number; coldFirstKeystrokeMs: number; perKeystroke: { max: number; p50: number; mean: number }; query: string };
  editDurableMs: number;
  editLongestBlockMs: number;
  /** The change history's background load after open (log, replica, catch-up); the longest block from the edit to its end. */
  historyLoadMs: number;
  historyLoadLongestBlockMs: number;
  compactionMs: number;
  compactionLongestBlockMs: number;
  exportBibtexMs: number;
  autoExportAfterEditMs: number;
  libraryDir: string;
}

const QUERY = 'attention transformer 2017';

/** One library size, measured through the same services the app and web host use. */
export async function benchServices(size: number): Promise<ServiceBench> {
  const dir = mkdtempSync(join(tmpdir(), `folio-bench-${size}-`));
  const bibPath = join(dir, '..', `${dir.split('/').pop()}.bib`);
  writeFileSync(bibPath, generateBib(size));
  const text = readFileSync(bibPath, 'utf8');

  // Import (parse + keys + one durable commit), then close (folds the journal into library.json), as the window's
  // host does it: a 'cli' owner writes no rows-cache.json at close, which would make the "warm" open below a cold one.
  let service = await openFolioService(dir, 'web', { host: 'web' });
  const imported = await timed(() => service.api.io.importText({ text, fileName: bibPath }));
  if (imported.value.imported !== size) throw new Error(`imported ${imported.value.imported} of ${size}`);
  const closed = await timed(() => service.dispose());

  // Open to a listed table (warm: the close above wrote rows-cache.json), then the full load behind it.
  if (!existsSync(join(dir, 'rows-cache.json'))) throw new Error('the close after the import wrote no rows-cache.json: the warm open would be a cold one');
  const openStart = performance.now();
  let opened = { ms: 0, value: service };
  let listed = { ms: 0, value: [] as Awaited<ReturnType<typeof service.api.library.listRows>> };
  let fullLoadMs = 0;
  let historyStart = 0;
  let history: Promise<number> = Promise.resolve(0);
  const warm = await longestBlock(async () => {
    opened = await timed(() => openFolioService(dir, 'web', { host: 'web' }));
    service = opened.value;
    listed = await timed(() => service.api.library.listRows());
    await service.ready;
    fullLoadMs = round(performance.now() - openStart);
    // As the hosts do: the change history loads in the background once the library has.
    historyStart = performance.now();
    history = service.loadHistory().then(() => round(performance.now() - historyStart));
  });
  const rows = listed.value;

  // Copies: haystacks are cached per row object, and the warm-up below must start from nothing too.
  const copies = rows.map((r) => ({ ...r }));
  const coldKey = await timed(() => createQuickFilter(copies).filter(QUERY.slice(0, 1)));
  const built = await timed(() => createQuickFilter(rows));
  const warmed = await timed(() => built.value.warm(() => false));
  const samples: number[] = [];
  for (let i = 1; i <= QUERY.length; i++) {
    const q = QUERY.slice(0, i);
    const t = await timed(() => built.value.filter(q));
    samples.push(t.ms);
  }

  const target = rows[Math.floor(rows.length / 2)]?.id as ItemId;
  const edit = await longestBlock(() => timed(() => service.api.library.updateItem(target, { csl: { title: 'An edited title for the benchmark' } })));
  const historyLoad = await longestBlock(() => history);
  const compaction = await longestBlock(() => timed(() => service.store.flush()));
  const exported = await timed(() => service.api.io.export({ scope: { kind: 'library' }, format: 'bibtex' }));

  const bibOut = join(dir, '..', `${dir.split('/').pop()}-auto.bib`);
  await service.api.io.addAutoExport({ path: bibOut, format: 'bibtex', collectionId: null });
  const before = statSync(bibOut).mtimeMs;
  const autoStart = performance.now();
  await service.api.library.updateItem(target, { csl: { title: 'Edited again for auto-export' } });
  while (statSync(bibOut).mtimeMs === before) await new Promise((r) => setTimeout(r, 2));
  const autoMs = round(performance.now() - autoStart);
  await service.dispose();

  // Cold open: no rows cache, so the table waits for the (time-sliced) full load.
  rmSync(join(dir, 'rows-cache.json'), { force: true });
  const cold = await longestBlock(() => timed(async () => {
    const coldService = await openFolioService(dir, 'web', { host: 'web' });
    await coldService.api.library.listRows();
    return coldService;
  }));
  await cold.value.value.dispose();

  return {
    items: size,
    libraryJsonMB: round(statSync(join(dir, 'library.json')).size / 1e6),
    libraryJsonBytesPerItem: Math.round(statSync(join(dir, 'library.json')).size / size),
    importMs: imported.ms,
    importCloseMs: closed.ms,
    openMs: opened.ms,
    listRowsMs: listed.ms,
    openToRowsMs: round(opened.ms + listed.ms),
    fullLoadMs,
    fullLoadLongestBlockMs: warm.blockMs,
    coldOpenToRowsMs: cold.value.ms,
    coldOpenLongestBlockMs: cold.blockMs,
    filter: { buildMs: built.ms, idleIndexMs: warmed.ms, coldFirstKeystrokeMs: coldKey.ms, perKeystroke: stats(samples), query: QUERY },
    editDurableMs: edit.value.ms,
    editLongestBlockMs: edit.blockMs,
    historyLoadMs: historyLoad.value,
    historyLoadLongestBlockMs: historyLoad.blockMs,
    compactionMs: compaction.value.ms,
    compactionLongestBlockMs: compaction.blockMs,
    exportBibtexMs: exported.ms,
    autoExportAfterEditMs: autoMs,
    libraryDir: dir,
  };
}
