import type { UiState } from '../../../../shared/api/ui-types.ts';

/**
 * What a start restores of the saved window. A window that did not finish
 * showing its restored state, or hit a render error, leaves `cleanStart`
 * false; the next start then skips the parts that can carry the content that
 * crashed or froze it (the selected item, the note preview) and keeps the rest.
 */
export interface RestorePlan {
  selection: boolean;
  noteMode: UiState['noteMode'];
  /** A sentence for the user when something was skipped, else null. */
  notice: string | null;
}

export function restorePlan(ui: UiState): RestorePlan {
  // A file written before the flag existed counts as clean.
  if (ui.cleanStart !== false) return { selection: true, noteMode: ui.noteMode, notice: null };
  return {
    selection: false,
    noteMode: 'edit',
    notice: 'The window did not close cleanly last time, so the selection, note preview and open PDFs were not restored.',
  };
}
