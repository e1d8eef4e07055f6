import type { ImportIssue } from '../import-issue.ts';
import type { BibtexSource } from '../../model/bibtex-source.ts';
import type { CslItemData } from '../../model/csl.ts';
import { parseBibtexEntries } from './bibtex-parser.ts';
import { entryToCsl, inheritFromParents } from './bibtex-to-csl.ts';

export interface ParsedBibEntry {
  source: BibtexSource;
  csl: CslItemData;
  /** 1-based line of the entry's `@`. */
  line: number;
}

export interface BibtexParseResult {
  entries: ParsedBibEntry[];
  /** Entries that were not imported: syntax errors (the parser resumed at the next `@` line) and repeated keys. */
  issues: ImportIssue[];
  /** Entries imported with a remark: a repeated field (first kept), an undefined @string, a key differing only in case. */
  warnings: ImportIssue[];
  /** @preamble contents, raw with delimiters. */
  preambles: string[];
  /** @string definitions, name as written -> raw value with delimiters. */
  strings: Record<string, string>;
}

/**
 * Parses a .bib file entry by entry. Never throws on bad input: a broken
 * entry becomes an issue and the rest imports. Each entry keeps its exact
 * source (fields in order, values as written, the @strings it uses and the
 * file's preambles) so exportBibtex can reproduce it.
 */
export function parseBibtex(text: string, fileName: string): BibtexParseResult {
  const raw = parseBibtexEntries(text, fileName);
  const preambles = raw.preambles.length > 0 ? raw.preambles : undefined;
  const built = raw.entries.map((entry) => {
    const source: BibtexSource = {
      entryType: entry.type,
      key: entry.key,
      fields: entry.fields,
      file: fileName,
      line: entry.line,
    };
    if (entry.macros) source.macros = entry.macros;
    if (preambles) source.preambles = preambles;
    return { key: entry.key, values: entry.values, csl: entryToCsl(entry), source, line: entry.line };
  });
  inheritFromParents(built);
  return {
    entries: built.map(({ source, csl, line }) => ({ source, csl, line })),
    issues: raw.issues,
    warnings: raw.warnings,
    preambles: raw.preambles,
    strings: raw.strings,
  };
}
