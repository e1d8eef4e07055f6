import type { AutoExportDraft, AutoExportStatus } from '../../shared/api/api-types.ts';
import { FolioError } from '../../shared/api/api-error.ts';
import { asCollectionId, newId } from '../../shared/model/ids.ts';
import type { AutoExportTarget } from '../../shared/model/library-doc.ts';
import { isAbsolute, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './library-store/index.ts';
import { formatItems, itemsForScope } from './export-service.ts';
import type { ServiceContext } from './service-context.ts';

const DEBOUNCE_MS = 300;

/**
 * Keeps .bib (and other) files in sync with the library. Each change
 * schedules a rewrite; a file is only replaced (atomically) when its text
 * changed, and every failure is kept in the status for the UI.
 */
export class AutoExportService {
  private readonly ctx: ServiceContext;
  private readonly status = new Map<string, AutoExportStatus>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;

  constructor(ctx: ServiceContext) {
    this.ctx = ctx;
    for (const target of ctx.store.settings().autoExports) this.status.set(target.id, { target, lastWrittenAt: null, entries: 0, lastError: null });
    this.unsubscribe = ctx.hub.subscribe((m) => {
      if (m.event === 'onLibraryChanged') this.schedule();
    });
  }

  list(): AutoExportStatus[] {
    return this.ctx.store.settings().autoExports.map((t) => this.status.get(t.id) ?? { target: t, lastWrittenAt: null, entries: 0, lastError: null });
  }

  async add(draft: AutoExportDraft): Promise<AutoExportStatus> {
    if (!isAbsolute(draft.path)) throw new FolioError('INVALID_ARGUMENT', `Auto-export path must be absolute: ${draft.path}`);
    if (draft.collectionId && !this.ctx.store.collections().some((c) => c.id === draft.collectionId)) {
      throw new FolioError('NOT_FOUND', `No collection with id ${draft.collectionId}`);
    }
    const target: AutoExportTarget = { id: newId('ax'), ...draft, path: resolve(draft.path) };
    const settings = this.ctx.store.settings();
    await this.ctx.commit([{ op: 'setSettings', settings: { ...settings, autoExports: [...settings.autoExports, target] } }], {});
    this.status.set(target.id, { target, lastWrittenAt: null, entries: 0, lastError: null });
    await this.writeTarget(target);
    return this.status.get(target.id) as AutoExportStatus;
  }

  async remove(id: string): Promise<void> {
    const settings = this.ctx.store.settings();
    if (!settings.autoExports.some((t) => t.id === id)) throw new FolioError('NOT_FOUND', `No auto-export with id ${id}`);
    await this.ctx.commit([{ op: 'setSettings', settings: { ...settings, autoExports: settings.autoExports.filter((t) => t.id !== id) } }], {});
    this.status.delete(id);
  }

  /** Waits for any scheduled or running export, then runs once more. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.running = this.running.then(() => this.writeAll());
    await this.running;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.unsubscribe();
  }

  private schedule(): void {
    if (this.ctx.store.settings().autoExports.length === 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.running.then(() => this.writeAll());
    }, DEBOUNCE_MS);
  }

  private async writeAll(): Promise<void> {
    for (const target of this.ctx.store.settings().autoExports) await this.writeTarget(target);
  }

  private async writeTarget(target: AutoExportTarget): Promise<void> {
    const status = this.status.get(target.id) ?? { target, lastWrittenAt: null, entries: 0, lastError: null };
    try {
      const scope = target.collectionId
        ? { kind: 'collection' as const, collectionId: asCollectionId(target.collectionId), includeChildren: true }
        : { kind: 'library' as const };
      const { items } = itemsForScope(this.ctx, scope);
      const { text } = formatItems(this.ctx, items, target.format);
      const current = await readFile(target.path, 'utf8').catch(() => null);
      if (current !== text) await writeFileAtomic(target.path, text);
      this.status.set(target.id, { target, lastWrittenAt: new Date().toISOString(), entries: items.length, lastError: null });
      this.ctx.hub.emit('onStatus', { kind: 'auto-export', message: `Auto-export wrote ${items.length} entries to ${target.path}` });
    } catch (error) {
      const message = `Auto-export to ${target.path} failed: ${error instanceof Error ? error.message : String(error)}`;
      this.status.set(target.id, { ...status, lastError: message });
      this.ctx.hub.emit('onStatus', { kind: 'auto-export', message });
    }
  }
}
