import type { AutoExportDraft, AutoExportStatus } from '../../shared/api/io-types.ts';
import { FolioError } from '../../shared/api/api-error.ts';
import { newId } from '../../shared/model/ids.ts';
import type { AutoExportTarget } from '../../shared/model/library-doc.ts';
import { SHARED_TARGET_EXTENSIONS } from '../../shared/sync/operations.ts';
import { dirname, isAbsolute, resolve } from 'node:path';
import { BibtexEntryCache } from './auto-export/bibtex-entry-cache.ts';
import { unchangedSince, writePartsAtomic, type WrittenFile } from './auto-export/sliced-file-writer.ts';
import { buildTargetText, sameParts } from './auto-export/target-parts.ts';
import type { SavedSearchIds } from './export-service.ts';
import type { ServiceContext } from './service-context.ts';

/** Quiet time after a change before writing: one edit lands fast, a burst of edits is written once. */
export const AUTO_EXPORT_DEBOUNCE_MS = 40;
/** A steady stream of edits still gets written at least this often. */
const MAX_DELAY_MS = 1000;

interface TargetState {
  status: AutoExportStatus;
  lastParts: Uint8Array[] | undefined;
  written: WrittenFile | null;
}

/**
 * Keeps .bib (and other) files in sync with the library. A change schedules
 * a rewrite of every target; entries are serialised once per item version
 * (BibtexEntryCache), the file is rebuilt and written in slices so the event
 * loop stays free, and a target whose text and file are unchanged is skipped.
 * Every failure stays in the target's status and is announced, never dropped.
 */
export class AutoExportService {
  private readonly ctx: ServiceContext;
  private readonly states = new Map<string, TargetState>();
  private readonly cache = new BibtexEntryCache();
  private timer: NodeJS.Timeout | null = null;
  private firstScheduledAt = 0;
  private running: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;
  private readonly saved: SavedSearchIds | null;

  /** `saved` runs a target's saved search; null where no search index exists (targets naming one then fail visibly). */
  constructor(ctx: ServiceContext, saved: SavedSearchIds | null = null) {
    this.ctx = ctx;
    this.saved = saved;
    this.unsubscribe = ctx.hub.subscribe((m) => {
      if (m.event === 'onLibraryChanged') this.schedule();
    });
  }

  list(): AutoExportStatus[] {
    return this.ctx.store.settings().autoExports.map((t) => this.state(t).status);
  }

  /** Entries serialised so far (cache misses): tests check that one edit costs one entry. */
  get entriesSerialised(): number {
    return this.cache.misses;
  }

  async add(draft: AutoExportDraft): Promise<AutoExportStatus> {
    if (!isAbsolute(draft.path)) throw new FolioError('INVALID_ARGUMENT', `Auto-export path must be absolute: ${draft.path}`);
    if (draft.collectionId && !this.ctx.store.collections().some((c) => c.id === draft.collectionId)) {
      throw new FolioError('NOT_FOUND', `No collection with id ${draft.collectionId}`);
    }
    if (draft.savedSearch) {
      if (draft.collectionId) throw new FolioError('INVALID_ARGUMENT', 'An auto-export follows a collection or a saved search, not both');
      if (!(this.ctx.store.settings().savedSearches ?? []).some((s) => s.name === draft.savedSearch)) {
        throw new FolioError('NOT_FOUND', `No saved search named "${draft.savedSearch}"`);
      }
    }
    const path = resolve(draft.path);
    const settings = this.ctx.store.settings();
    if (settings.autoExports.some((t) => t.path === path)) throw new FolioError('CONFLICT', `${path} is already an auto-export target`);
    const target: AutoExportTarget = { id: newId('ax'), ...draft, path };
    await this.ctx.commit([{ op: 'setSettings', settings: { ...settings, autoExports: [...settings.autoExports, target] } }], {});
    await this.enqueue(() => this.writeTarget(target));
    return this.state(target).status;
  }

  async remove(id: string): Promise<void> {
    const settings = this.ctx.store.settings();
    if (!settings.autoExports.some((t) => t.id === id)) throw new FolioError('NOT_FOUND', `No auto-export with id ${id}`);
    await this.ctx.commit([{ op: 'setSettings', settings: { ...settings, autoExports: settings.autoExports.filter((t) => t.id !== id) } }], {});
    this.states.delete(id);
  }

  /**
   * Marks a target shared (sync carries it to the other devices, which then write the same file) or this
   * device's own again (sync removes it from the others). Only a bibliography file can be shared.
   */
  async setShared(id: string, shared: boolean): Promise<AutoExportStatus> {
    const settings = this.ctx.store.settings();
    const current = settings.autoExports.find((t) => t.id === id);
    if (!current) throw new FolioError('NOT_FOUND', `No auto-export with id ${id}`);
    if (shared && !SHARED_TARGET_EXTENSIONS.some((ext) => current.path.toLowerCase().endsWith(ext))) {
      throw new FolioError('INVALID_ARGUMENT', `Only a bibliography file (${SHARED_TARGET_EXTENSIONS.join(', ')}) can be shared: ${current.path}`);
    }
    const { shared: _was, ...rest } = current;
    const target: AutoExportTarget = shared ? { ...rest, shared: true } : rest;
    await this.ctx.commit([{ op: 'setSettings', settings: { ...settings, autoExports: settings.autoExports.map((t) => (t.id === id ? target : t)) } }], {});
    const state = this.state(target);
    state.status = { ...state.status, target };
    return state.status;
  }

  /** Waits for any scheduled or running export, then runs once more. */
  async flush(): Promise<void> {
    this.clearTimer();
    await this.enqueue(() => this.writeAll());
  }

  dispose(): void {
    this.clearTimer();
    this.unsubscribe();
  }

  private state(target: AutoExportTarget): TargetState {
    let state = this.states.get(target.id);
    if (!state) {
      state = { status: { target, lastWrittenAt: null, entries: 0, lastError: null }, lastParts: undefined, written: null };
      this.states.set(target.id, state);
    }
    return state;
  }

  private enqueue(run: () => Promise<void>): Promise<void> {
    this.running = this.running.then(run);
    return this.running;
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.ctx.store.settings().autoExports.length === 0) return;
    const now = performance.now();
    if (this.timer) {
      if (now - this.firstScheduledAt >= MAX_DELAY_MS) return;
      clearTimeout(this.timer);
    } else {
      this.firstScheduledAt = now;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.enqueue(() => this.writeAll());
    }, AUTO_EXPORT_DEBOUNCE_MS);
  }

  private async writeAll(): Promise<void> {
    for (const target of this.ctx.store.settings().autoExports) await this.writeTarget(target);
  }

  private async writeTarget(target: AutoExportTarget): Promise<void> {
    const state = this.state(target);
    try {
      const built = await buildTargetText(this.ctx, target, this.cache, this.saved);
      const unchanged = sameParts(state.lastParts, built.parts) && (await unchangedSince(target.path, state.written));
      if (!unchanged) {
        state.written = await writePartsAtomic(target.path, built.parts, built.separator);
        state.lastParts = built.parts;
        this.ctx.hub.emit('onStatus', { kind: 'auto-export', message: `Auto-export wrote ${built.entries.toLocaleString('en-US')} entries to ${target.path}` });
      }
      state.status = { target, lastWrittenAt: unchanged ? state.status.lastWrittenAt : new Date().toISOString(), entries: built.entries, lastError: null };
    } catch (error) {
      const message = `Auto-export to ${target.path} failed: ${describeWriteError(error, target.path)}`;
      const repeated = state.status.lastError === message;
      state.lastParts = undefined;
      state.status = { ...state.status, target, lastError: message };
      // Announced when a target starts failing (or fails differently), not again on every later change.
      if (!repeated) this.ctx.hub.emit('onStatus', { kind: 'auto-export-error', message });
    }
  }
}

/** What the user can act on, without the temp file's name: "the folder /x does not exist (ENOENT)". */
function describeWriteError(error: unknown, path: string): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const folder = dirname(path);
  switch (code) {
    case 'ENOENT': return `the folder ${folder} does not exist (ENOENT)`;
    case 'ENOTDIR': return `${folder} is not a folder (ENOTDIR)`;
    case 'EACCES':
    case 'EPERM': return `no permission to write in ${folder} (${code})`;
    case 'EROFS': return `${folder} is on a read-only file system (EROFS)`;
    case 'ENOSPC': return `the disk is full (ENOSPC)`;
    default: return error instanceof Error ? error.message : String(error);
  }
}
