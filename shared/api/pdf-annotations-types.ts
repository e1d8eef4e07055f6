/** Types of the PDF side of the `annotations` group: annotations written into a PDF copy, or read from a file. */

/** How many of a file's annotation objects became Folio annotations, and how many were left out (docs/annotations.md). */
export interface PdfAnnotationImportResult {
  imported: number;
  skipped: number;
}

/** A copy of an attachment with the item's annotations written in, for the window to save. */
export interface AnnotatedPdfFile {
  fileName: string;
  dataBase64: string;
}
