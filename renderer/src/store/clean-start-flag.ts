/**
 * The window's "clean start" flag (see logic/clean-start.ts): saved with the
 * UI state, false while a start is restoring and after any render error.
 */
let flag = true;
let renderErrors = 0;
let save: () => void = () => undefined;

export const cleanStartFlag = (): boolean => flag;

/** Called once the UI state is saved on change: `flush` writes it at once. */
export function saveCleanStartWith(flush: () => void): void {
  save = flush;
}

export function startRestoring(): void {
  flag = false;
}

/** The restored window has been shown: clean, unless a pane failed meanwhile. */
export function restoredCleanly(): void {
  if (renderErrors > 0 || flag) return;
  flag = true;
  save();
}

/** A pane failed to render: the next start must not bring back what it showed. */
export function reportRenderError(): void {
  renderErrors++;
  if (!flag) return;
  flag = false;
  save();
}

/** A failed pane was reset and shows again. */
export function renderErrorCleared(): void {
  renderErrors = Math.max(0, renderErrors - 1);
}
