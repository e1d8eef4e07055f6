import { parseBibtex } from '../bibtex/index.ts';
import type { Importer } from './importer.ts';

export const bibtexImporter: Importer = {
  format: 'bibtex',
  fileName: /\.(?:bib|bibtex|biblatex)$/i,
  detect: ({ head }) => /^\s*@\s*[a-z]+\s*[{(]/im.test(head),
  parse(text, fileName) {
    const parsed = parseBibtex(text, fileName);
    return {
      records: parsed.entries.map((e) => ({ csl: e.csl, line: e.line, source: e.source, wantedKey: e.source.key })),
      issues: parsed.issues,
    };
  },
};
