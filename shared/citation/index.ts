export { generateCitationKey } from './citation-key.ts';
export { uniqueKey, keySuffix } from './unique-key.ts';
export { DEFAULT_KEY_PATTERN, KeyPatternError, parseKeyPattern, validateKeyPattern } from './key-pattern.ts';
export type { KeyPart, KeyModifier, KeyTermName } from './key-pattern.ts';
export { asciiFold, keyAlnum } from './ascii-fold.ts';
export { significantWords } from './title-words.ts';
