import { windowQuiet } from './window-first.ts';

/**
 * Cooperative yielding for long loops on the main thread: work for `budgetMs`,
 * then let the event loop run (input, IPC, timers) before going on. A `background` pass (no caller waits for it
 * in the window) also steps aside while a window is being answered (`window-first.ts`).
 */
export class TimeSlicer {
  readonly budgetMs: number;
  private readonly background: boolean;
  private sliceStart = performance.now();

  constructor(budgetMs = 5, options: { background?: boolean } = {}) {
    this.budgetMs = budgetMs;
    this.background = options.background ?? false;
  }

  due(): boolean {
    return performance.now() - this.sliceStart >= this.budgetMs;
  }

  async yield(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.background) await windowQuiet();
    this.sliceStart = performance.now();
  }
}
