export type { DedupeCandidate, DedupeOptions, DuplicatePair, DuplicateReason } from './dedupe-types.ts';
export { findDuplicates, findDuplicatesOf } from './find-duplicates.ts';
export { foldText, stripLatex, familyKey } from './normalize.ts';
export { mergeItems, mergeableFields, defaultKeep, NOTE_SEPARATOR, type FieldChoice } from './merge-items.ts';
