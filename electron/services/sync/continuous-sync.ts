import { mkdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { SyncEngine } from './sync-engine.ts';

/**
 * Sync while the app runs: an exchange a moment after each local change (so it is published within seconds),
 * when the sync engine writes into the folder (fs.watch), and every PERIODIC_MS for engines and file systems that
 * fire no events. Exchanges never overlap; one asked for during another runs right after it.
 */

const AFTER_CHANGE_MS = 1_500;
const AFTER_FOLDER_EVENT_MS = 1_000;
const PERIODIC_MS = 30_000;

export class ContinuousSync {
  private readonly engine: SyncEngine;
  private timer: NodeJS.Timeout | null = null;
  private periodic: NodeJS.Timeout | null = null;
  private watcher: FSWatcher | null = null;
  private watching: string | null = null;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(engine: SyncEngine) {
    this.engine = engine;
  }

  async start(): Promise<void> {
    this.periodic = setInterval(() => this.soon(0), PERIODIC_MS);
    this.periodic.unref();
    await this.follow();
    if (this.watching) this.soon(0);
  }

  /** A local change was committed. */
  changed(): void {
    if (this.watching) this.soon(AFTER_CHANGE_MS);
  }

  /** The configured folder changed (Settings › Sync): watch the new one. */
  async follow(): Promise<void> {
    const folder = await this.engine.folder();
    if (folder === this.watching) return;
    this.watcher?.close();
    this.watcher = null;
    this.watching = folder;
    if (!folder) return;
    try {
      mkdirSync(join(folder, 'devices'), { recursive: true });
      this.watcher = watch(join(folder, 'devices'), { recursive: true }, () => this.soon(AFTER_FOLDER_EVENT_MS));
      this.watcher.on('error', () => {
        // The periodic scan goes on without events (a folder removed, a file system that cannot watch).
        this.watcher?.close();
        this.watcher = null;
      });
    } catch {
      this.watcher = null;
    }
  }

  private soon(ms: number): void {
    if (this.stopped || !this.watching) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      await this.engine.syncNow();
    } catch {
      // The engine reports the error through its status (the status bar shows it); the next trigger tries again.
    } finally {
      this.running = false;
      if (this.again && !this.stopped) {
        this.again = false;
        this.soon(AFTER_FOLDER_EVENT_MS);
      }
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.periodic) clearInterval(this.periodic);
    this.watcher?.close();
  }
}
