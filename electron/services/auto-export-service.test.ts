import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { StatusEvent } from '../../shared/api/event-types.ts';
import type { ItemId } from '../../shared/model/ids.ts';
import { AUTO_EXPORT_DEBOUNCE_MS, AutoExportService } from './auto-export-service.ts';
import { EventHub } from './event-hub.ts';
import { exportItems } from './export-service.ts';
import { importText } from './import-service.ts';
import { KeyIndex } from '../../shared/library/key-index.ts';
import { createLibraryMethods } from './library-methods.ts';
import { createMemoryLibraryStore } from './library-store/memory-library-store.ts';
import { ServiceContext } from './service-context.ts';

const NASTY = readFileSync(fileURLToPath(new URL('../../tests/fixtures/bib/folio-nasty.bib', import.meta.url)), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'folio-autoexport-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The services auto-export needs, composed the way createFolioService does. */
async function library() {
  const store = createMemoryLibraryStore();
  const hub = new EventHub();
  const ctx = new ServiceContext(store, new KeyIndex(store.items()), hub);
  await importText(ctx, { text: NASTY, fileName: 'nasty.bib' });
  const autoExport = new AutoExportService(ctx);
  const library = createLibraryMethods(ctx, 'web');
  const io = {
    addAutoExport: autoExport.add.bind(autoExport),
    removeAutoExport: autoExport.remove.bind(autoExport),
    listAutoExports: async () => autoExport.list(),
  };
  const dispose = async (): Promise<void> => {
    await autoExport.flush();
    autoExport.dispose();
  };
  return { ctx, hub, autoExport, api: { library, io }, dispose };
}
type Library = Awaited<ReturnType<typeof library>>;

const fullExport = (s: Library, format: 'bibtex' | 'biblatex' = 'bibtex') => exportItems(s.ctx, { scope: { kind: 'library' }, format }).text;

/** Resolves once the service announces a write to (or a failure of) this path. */
function nextWrite(s: Library, path: string): Promise<StatusEvent> {
  return new Promise((resolve) => {
    const stop = s.hub.asEvents().onStatus((e) => {
      if ((e.kind === 'auto-export' || e.kind === 'auto-export-error') && e.message.includes(path)) {
        stop();
        resolve(e);
      }
    });
  });
}

describe('auto-export', () => {
  it('writes the same bytes as a full export (@preamble, @string, crossref parents last), in both dialects', async () => {
    const s = await library();
    for (const format of ['bibtex', 'biblatex'] as const) {
      const path = join(dir, `full-${format}.bib`);
      const status = await s.api.io.addAutoExport({ path, format, collectionId: null });
      expect(status.lastError).toBeNull();
      const written = readFileSync(path, 'utf8');
      expect(written).toContain('@preamble{');
      expect(written).toContain('@string{');
      expect(written).toBe(fullExport(s, format));
    }
    await s.dispose();
  });

  // How soon the write comes is measured by `npm run bench` (autoExportAfterEditMs), not asserted here.
  it('after one edit re-serialises one entry, writes the file by itself, and still equals the full export', async () => {
    const s = await library();
    const path = join(dir, 'incremental.bib');
    await s.api.io.addAutoExport({ path, format: 'bibtex', collectionId: null });
    const serialisedBefore = entriesSerialised(s);
    const rows = await s.api.library.listRows();
    const target = rows.find((r) => r.key === 'parent:book')?.id as ItemId;
    const written = nextWrite(s, path);
    await s.api.library.updateItem(target, { csl: { title: 'A Renamed Parent Book' } });
    await written;
    expect(entriesSerialised(s) - serialisedBefore).toBe(1);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('A Renamed Parent Book');
    expect(text).toBe(fullExport(s));
    await s.dispose();
  });

  it('coalesces a burst of edits into one write', async () => {
    const s = await library();
    const path = join(dir, 'burst.bib');
    await s.api.io.addAutoExport({ path, format: 'bibtex', collectionId: null });
    const events: StatusEvent[] = [];
    const stop = s.hub.asEvents().onStatus((e) => events.push(e));
    const rows = (await s.api.library.listRows()).slice(0, 5);
    // The debounce's clock stands still during the burst, so a busy machine cannot spread the edits past it.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      for (const [i, row] of rows.entries()) await s.api.library.updateItem(row.id, { csl: { note: `burst ${i}` } });
      await s.api.io.listAutoExports();
      expect(events.filter((e) => e.kind === 'auto-export')).toHaveLength(0);
      const written = nextWrite(s, path);
      vi.advanceTimersByTime(AUTO_EXPORT_DEBOUNCE_MS);
      await written;
    } finally {
      vi.useRealTimers();
    }
    await s.dispose();
    stop();
    expect(events.filter((e) => e.kind === 'auto-export')).toHaveLength(1);
    expect(readFileSync(path, 'utf8')).toContain('burst 4');
  });

  it('reports a target it cannot write (missing or read-only folder) and recovers once re-added', async () => {
    const s = await library();
    const missing = join(dir, 'no-such-folder', 'refs.bib');
    const failed = await s.api.io.addAutoExport({ path: missing, format: 'bibtex', collectionId: null });
    expect(failed.lastError).toMatch(/Auto-export to .*no-such-folder.* failed: the folder .*no-such-folder does not exist \(ENOENT\)$/);
    expect(failed.lastWrittenAt).toBeNull();
    // Still failing on the next change: the status keeps the error, the user is not told again.
    const repeats: StatusEvent[] = [];
    const stopRepeats = s.hub.asEvents().onStatus((e) => e.kind === 'auto-export-error' && repeats.push(e));
    await s.autoExport.flush();
    stopRepeats();
    expect(repeats).toEqual([]);
    expect((await s.api.io.listAutoExports())[0]?.lastError).toBe(failed.lastError);

    const locked = join(dir, 'read-only');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const errors: StatusEvent[] = [];
    const stop = s.hub.asEvents().onStatus((e) => e.kind === 'auto-export-error' && errors.push(e));
    const readOnly = await s.api.io.addAutoExport({ path: join(locked, 'refs.bib'), format: 'bibtex', collectionId: null });
    stop();
    // root ignores directory permissions; everyone else gets EACCES.
    if (process.getuid?.() !== 0) {
      expect(readOnly.lastError).toMatch(/EACCES/);
      expect(errors).toHaveLength(1);
    }

    mkdirSync(join(dir, 'no-such-folder'));
    await s.api.io.removeAutoExport(failed.target.id);
    const fixed = await s.api.io.addAutoExport({ path: missing, format: 'bibtex', collectionId: null });
    expect(fixed.lastError).toBeNull();
    expect(fixed.entries).toBeGreaterThan(0);
    expect(readFileSync(missing, 'utf8')).toBe(fullExport(s));
    expect((await s.api.io.listAutoExports()).find((t) => t.target.path === missing)?.lastWrittenAt).not.toBeNull();
    chmodSync(locked, 0o700);
    await s.dispose();
  });
});

function entriesSerialised(s: Library): number {
  return s.autoExport.entriesSerialised;
}
