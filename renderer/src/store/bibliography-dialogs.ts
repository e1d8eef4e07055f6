import type { ItemId } from '../../../shared/model/ids.ts';

/** Dialogs of the LaTeX features (settings, auto-export, key regeneration). */
export type BibliographyDialog =
  | { kind: 'settings' }
  /** `savedSearch`: the targets following that saved search (collectionId is then null). */
  | { kind: 'auto-export'; collectionId: string | null; savedSearch?: string; label: string }
  | { kind: 'regenerate-keys'; ids: ItemId[] };
