import type { ItemId } from '../../../shared/model/ids.ts';

/** Dialogs of the LaTeX features (settings, auto-export, key regeneration). */
export type BibliographyDialog =
  | { kind: 'settings' }
  | { kind: 'auto-export'; collectionId: string | null; label: string }
  | { kind: 'regenerate-keys'; ids: ItemId[] };
