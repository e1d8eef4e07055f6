import type { ImportFormat, ImportIssue } from '../../shared/api/io-types.ts';
import { FolioError } from '../../shared/api/api-error.ts';
import type { BibtexSource } from '../../shared/model/bibtex-source.ts';
import type { CslItemData } from '../../shared/model/csl.ts';
import { parseBibtex } from '../../shared/formats/bibtex/index.ts';
import { parseRis } from '../../shared/formats/ris/index.ts';
import { parseCslJson } from '../../shared/formats/csl-json/index.ts';
import { parseListing } from '../../shared/formats/listing/index.ts';
import { arxivCsl } from '../../shared/formats/identifiers/index.ts';
import { guessImportFormat } from '../../shared/formats/guess-format.ts';
import { readHtmlImport } from '../../shared/formats/html-meta/index.ts';

/** One record ready to become an item. */
export interface ImportCandidate {
  csl: CslItemData;
  line: number;
  source?: BibtexSource;
  /** A key that came with the record; kept verbatim when free. */
  wantedKey?: string;
  /** Known only in part (a title and an arXiv id): the lookup completes it. */
  metadataPending?: boolean;
}

export interface ParsedImport {
  format: ImportFormat;
  candidates: ImportCandidate[];
  skipped: ImportIssue[];
  warnings?: ImportIssue[];
  /** For a web page: which metadata sources it had. */
  pageSources?: string;
}

function listingCsl(entry: { title: string; abstract: string; arxivId?: string; url?: string; authors?: string[] }): CslItemData {
  // An arXiv paper is a preprint: @misc with eprint and archivePrefix in BibTeX, dated by its id.
  const csl: CslItemData = entry.arxivId ? { ...arxivCsl(entry.arxivId), title: entry.title } : { type: 'article', title: entry.title };
  if (entry.abstract) csl.abstract = entry.abstract;
  if (entry.authors?.length) csl.author = entry.authors.map((literal) => splitAuthor(literal));
  if (!entry.arxivId && entry.url) csl.URL = entry.url;
  return csl;
}

function splitAuthor(name: string): { family: string; given?: string } {
  const parts = name.trim().split(/\s+/);
  const family = parts.pop() ?? name;
  return parts.length > 0 ? { family, given: parts.join(' ') } : { family };
}

/** Parses text of any supported format into import candidates, entry by entry. */
export function parseImportText(text: string, fileName: string, format?: ImportFormat, pageUrl?: string): ParsedImport {
  const chosen = format ?? guessImportFormat(fileName, text);
  if (!chosen) {
    throw new FolioError('PARSE', `${fileName}: not a format Folio can import (BibTeX, RIS, CSL-JSON, a paper listing or a web page)`, { file: fileName });
  }
  switch (chosen) {
    case 'bibtex': {
      const parsed = parseBibtex(text, fileName);
      return {
        format: chosen,
        candidates: parsed.entries.map((e) => ({ csl: e.csl, line: e.line, source: e.source, wantedKey: e.source.key })),
        skipped: parsed.issues,
      };
    }
    case 'ris': {
      const parsed = parseRis(text, fileName);
      return { format: chosen, candidates: parsed.records.map((r) => ({ csl: r.csl, line: r.line })), skipped: parsed.issues };
    }
    case 'csl-json': {
      const parsed = parseCslJson(text, fileName);
      return {
        format: chosen,
        candidates: parsed.records.map((r) => {
          const key = typeof r.csl['citation-key'] === 'string' ? r.csl['citation-key'] : typeof r.csl.id === 'string' ? r.csl.id : undefined;
          return key ? { csl: r.csl, line: r.line, wantedKey: key } : { csl: r.csl, line: r.line };
        }),
        skipped: parsed.issues,
      };
    }
    case 'listing': {
      const parsed = parseListing(text);
      return { format: chosen, candidates: parsed.entries.map((e) => ({ csl: listingCsl(e), line: e.line })), skipped: [] };
    }
    case 'html': {
      const page = readHtmlImport(text, fileName, pageUrl);
      const candidates = page.records.map((r) => ({ csl: r.csl, line: r.line, metadataPending: r.metadataPending }));
      return { format: chosen, candidates, skipped: page.skipped, warnings: page.warnings, pageSources: page.summary };
    }
  }
}
