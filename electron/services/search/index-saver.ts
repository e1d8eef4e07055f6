import type { SearchEngine } from './search-engine.ts';

/** The index is saved this long after its last change, and at least this often while changes keep coming. */
const SAVE_AFTER_MS = 5_000;
const SAVE_AT_LEAST_EVERY_MS = 60_000;

/**
 * Saves the engine's index to its file a little after it changed: once a build or a burst of edits is over, not per
 * change (a save of a 50k library writes a hundred megabytes, in the worker).
 */
export class IndexSaver {
  private readonly engine: SearchEngine;
  private readonly file: string | null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dirtySince: number | null = null;
  private saving: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(engine: SearchEngine, file: string | null) {
    this.engine = engine;
    this.file = file;
  }

  /** The index changed: save it soon. */
  changed(): void {
    if (this.file === null || this.stopped) return;
    const now = Date.now();
    this.dirtySince ??= now;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), now - this.dirtySince > SAVE_AT_LEAST_EVERY_MS ? 0 : SAVE_AFTER_MS);
    this.timer.unref?.();
  }

  /** Saves now if anything changed since the last save; resolves once written (a failure is logged, not thrown). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const file = this.file;
    if (file === null || this.dirtySince === null) return this.saving;
    this.dirtySince = null;
    this.saving = this.saving.then(async () => {
      await this.engine.save(file);
    }).catch((error: unknown) => {
      // A folder that went away (a test's temporary library) or a full disk costs a rebuild at the next start, nothing more.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') console.error('folio: the search index could not be saved', error);
    });
    return this.saving;
  }

  /** A last save, then no more. */
  async stop(): Promise<void> {
    await this.flush();
    this.stopped = true;
  }
}
