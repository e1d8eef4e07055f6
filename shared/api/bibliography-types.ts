import type { ExportFormat, ExportScope } from './api-primitives.ts';

/** Types of the `bibliography` group. */

export interface BibliographyStyleInfo {
  id: string;
  title: string;
}

export interface BibliographyRequest {
  scope: ExportScope;
  /** An id from bibliography.listStyles(). */
  style: string;
  /** 'html' is citeproc's markup: the renderer sanitises it before showing or copying it. */
  output: 'text' | 'html';
}

export interface BibliographyResult {
  text: string;
  count: number;
}

export interface CitedExportRequest {
  /** Content of a .aux (bibtex or biber) or .tex file. */
  text: string;
  /** Decides how the text is read: `.tex` is LaTeX source, anything else a .aux. */
  fileName: string;
  format: ExportFormat;
}

export interface CitedExportResult {
  text: string;
  count: number;
  /** Cited keys the library does not have (or has only in the trash). */
  missing: string[];
}
