import { useSyncExternalStore } from 'react';
import { relativeTime } from '../../store/logic/relative-time.ts';

// One clock for every relative time on screen, so the status bar and Settings › Sync never disagree by a second.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    listeners.forEach((l) => l());
  }, 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** "12 s ago", kept current; a component re-renders only when its own words change. */
export function useRelativeTime(iso: string | null): string | null {
  return useSyncExternalStore(subscribe, () => (iso === null ? null : relativeTime(iso, now)));
}
