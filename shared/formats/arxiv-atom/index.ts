export { parseArxivAtom, type ArxivAtomEntry } from './parse-arxiv-atom.ts';
export { xmlText } from './xml-text.ts';
