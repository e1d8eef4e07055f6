import { mkdtempSync, writeFileSync, readFileSync, statSync } from 'node:fs';
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
  importMs: number;
  importCloseMs: number;
  openMs: number;
  listRowsMs: number;
  openToRowsMs: number;
  filter: { buildMs: number; perKeystroke: { max: number; p50: number; mean: number }; query: string };
  editDurableMs: number;
  editLongestBlockMs: number;
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

  // Import (parse + keys + one durable commit), then close (folds the journal into library.json).
  let service = await openFolioService(dir, 'cli', { host: 'web' });
  const imported = await timed(() => service.api.io.importText({ text, fileName: bibPath }));
  if (imported.value.imported !== size) throw new Error(`imported ${imported.value.imported} of ${size}`);
  const closed = await timed(() => service.dispose());

  // Open to a listed table: the store's open plus every row the table needs.
  const opened = await timed(() => openFolioService(dir, 'web', { host: 'web' }));
  service = opened.value;
  const listed = await timed(() => service.api.library.listRows());
  const rows = listed.value;

  const built = await timed(() => createQuickFilter(rows));
  const samples: number[] = [];
  for (let i = 1; i <= QUERY.length; i++) {
    const q = QUERY.slice(0, i);
    const t = await timed(() => built.value.filter(q));
    samples.push(t.ms);
  }

  const target = rows[Math.floor(rows.length / 2)]?.id as ItemId;
  const edit = await longestBlock(() => timed(() => service.api.library.updateItem(target, { csl: { title: 'An edited title for the benchmark' } })));
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

  return {
    items: size,
    libraryJsonMB: round(statSync(join(dir, 'library.json')).size / 1e6),
    importMs: imported.ms,
    importCloseMs: closed.ms,
    openMs: opened.ms,
    listRowsMs: listed.ms,
    openToRowsMs: round(opened.ms + listed.ms),
    filter: { buildMs: built.ms, perKeystroke: stats(samples), query: QUERY },
    editDurableMs: edit.value.ms,
    editLongestBlockMs: edit.blockMs,
    compactionMs: compaction.value.ms,
    compactionLongestBlockMs: compaction.blockMs,
    exportBibtexMs: exported.ms,
    autoExportAfterEditMs: autoMs,
    libraryDir: dir,
  };
}
