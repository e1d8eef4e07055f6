import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { writeFileAtomic } from '../services/library-store/index.ts';
import type { WindowBounds } from './window.ts';

const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 800 };

/** The window's size and place, kept per user (not in the library, which may be shared). */
export function loadWindowBounds(userData: string): WindowBounds {
  try {
    const parsed = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')) as Partial<WindowBounds>;
    if (typeof parsed.width === 'number' && typeof parsed.height === 'number') return { ...DEFAULT_BOUNDS, ...parsed };
  } catch {
    // First start, or an unreadable file: the default size is fine.
  }
  return DEFAULT_BOUNDS;
}

export function trackWindowBounds(window: BrowserWindow, userData: string): void {
  let timer: NodeJS.Timeout | null = null;
  const save = () => {
    if (window.isDestroyed()) return;
    const b = window.getNormalBounds();
    const state: WindowBounds = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: window.isMaximized() };
    writeFileAtomic(join(userData, 'window-state.json'), JSON.stringify(state)).catch((e: unknown) => console.error('folio: window state not saved', e));
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', () => {
    if (timer) clearTimeout(timer);
    save();
  });
}
