/**
 * Cooperative yielding for long loops on the main thread: work for `budgetMs`,
 * then let the event loop run (input, IPC, timers) before going on.
 */
export class TimeSlicer {
  readonly budgetMs: number;
  private sliceStart = performance.now();

  constructor(budgetMs = 5) {
    this.budgetMs = budgetMs;
  }

  due(): boolean {
    return performance.now() - this.sliceStart >= this.budgetMs;
  }

  async yield(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
  }
}
