import { parseRis } from '../ris/index.ts';
import type { Importer } from './importer.ts';

export const risImporter: Importer = {
  format: 'ris',
  fileName: /\.ris$/i,
  detect: ({ head }) => /^TY {1,2}- ?\S/m.test(head),
  parse(text, fileName) {
    const parsed = parseRis(text, fileName);
    return { records: parsed.records.map((r) => ({ csl: r.csl, line: r.line })), issues: parsed.issues };
  },
};
