import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { noteWindowCall, windowQuiet } from './window-first.ts';

// The clock is faked: these steps are counted in simulated milliseconds, never measured.
describe('background work steps aside for the window', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const settle = (): { done: () => boolean } => {
    let done = false;
    void windowQuiet().then(() => {
      done = true;
    });
    return { done: () => done };
  };

  it('goes on at once when no window call began lately', async () => {
    await vi.advanceTimersByTimeAsync(1_000);
    const wait = settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(wait.done()).toBe(true);
  });

  it('waits until the window has been quiet for 200 ms', async () => {
    noteWindowCall();
    const wait = settle();
    await vi.advanceTimersByTimeAsync(150);
    expect(wait.done()).toBe(false);
    await vi.advanceTimersByTimeAsync(60);
    expect(wait.done()).toBe(true);
  });

  it('never waits more than 250 ms, however often the window calls', async () => {
    noteWindowCall();
    const wait = settle();
    for (let t = 0; t < 240; t += 40) {
      await vi.advanceTimersByTimeAsync(40);
      noteWindowCall();
      expect(wait.done()).toBe(false);
    }
    await vi.advanceTimersByTimeAsync(20);
    expect(wait.done()).toBe(true);
  });
});
