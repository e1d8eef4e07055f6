import { parseCslJson } from '../csl-json/index.ts';
import type { Importer } from './importer.ts';

export const cslJsonImporter: Importer = {
  format: 'csl-json',
  fileName: /\.(?:csl\.json|json)$/i,
  detect: ({ head }) => {
    const start = head.trimStart();
    return start.startsWith('[') || start.startsWith('{');
  },
  parse(text, fileName) {
    const parsed = parseCslJson(text, fileName);
    return {
      records: parsed.records.map((r) => {
        const key = typeof r.csl['citation-key'] === 'string' ? r.csl['citation-key'] : typeof r.csl.id === 'string' ? r.csl.id : undefined;
        return key ? { csl: r.csl, line: r.line, wantedKey: key } : { csl: r.csl, line: r.line };
      }),
      issues: parsed.issues,
    };
  },
};
