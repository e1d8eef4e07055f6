export type { FoundIdentifier, IdentifierKind } from './identifier-types.ts';
export { findIdentifiers } from './find-identifiers.ts';
export { parseArxivId, type ArxivId } from './arxiv-id.ts';
export { normalizeDoi, arxivIdFromDoi, trimTrailingPunctuation } from './doi.ts';
export { normalizeIsbn, isValidIsbn10, isValidIsbn13 } from './isbn.ts';
export { classifyUrl } from './classify-url.ts';
export { arxivCsl, arxivIdDate, identifierCsl, identifierKey } from './identifier-csl.ts';
