import { FolioError } from '../../../shared/api/api-error.ts';
import { findIdentifiers } from '../../../shared/formats/identifiers/index.ts';
import { plausibleTitle, titleAndAuthorsFromPage, type PageTextItem } from '../../../shared/formats/pdf-text/page-title.ts';
import { checkPdfBytes } from './pdf-checks.ts';
import { openPdf } from '../fulltext/pdfjs-load.ts';

/** What a PDF says about itself: its info dictionary and XMP, and the text of page 1. */
export interface PdfMetadata {
  pages: number;
  title?: string;
  authors: string[];
  doi?: string;
  arxivId?: string;
}

function splitAuthors(value: unknown): string[] {
  if (typeof value !== 'string' || value.trim() === '') return [];
  return value.split(/\s*(?:;|,|\band\b|&)\s*/).map((n) => n.trim()).filter((n) => /\p{L}/u.test(n) && n.length < 100);
}

/**
 * Reads a PDF's metadata with pdf.js (the safe options of pdfjs-load.ts, the fake worker in this process).
 * A password-protected, damaged or non-PDF file fails with the file named.
 */
export async function readPdfMetadata(fileName: string, bytes: Uint8Array): Promise<PdfMetadata> {
  checkPdfBytes(fileName, bytes);
  const task = await openPdf(bytes);
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new FolioError('UNSUPPORTED', `${fileName}: the PDF is encrypted with a password`, { file: fileName });
    throw new FolioError('PARSE', `${fileName}: not a readable PDF (${(error as Error).message})`, { file: fileName });
  }
  try {
    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    const xmpTitle = meta?.metadata?.get('dc:title');
    const xmpAuthors = meta?.metadata?.get('dc:creator');
    let items: PageTextItem[] = [];
    try {
      const page = await doc.getPage(1);
      items = (await page.getTextContent()).items.flatMap((i) => ('str' in i ? [{ str: i.str, transform: i.transform as number[] }] : []));
    } catch (error) {
      throw new FolioError('PARSE', `${fileName}: page 1 cannot be read (${(error as Error).message})`, { file: fileName });
    }
    const text = items.map((i) => i.str).join('\n');
    const found = findIdentifiers(text);
    const out: PdfMetadata = { pages: doc.numPages, authors: [] };
    const fromPage = titleAndAuthorsFromPage(items);
    const title = plausibleTitle(xmpTitle) ?? plausibleTitle(info.Title) ?? fromPage.title;
    if (title) out.title = title;
    const metaAuthors = Array.isArray(xmpAuthors) ? xmpAuthors.filter((a): a is string => typeof a === 'string') : splitAuthors(info.Author);
    out.authors = metaAuthors.length > 0 ? metaAuthors : fromPage.authors;
    const doi = found.find((f) => f.kind === 'doi');
    const arxiv = found.find((f) => f.kind === 'arxiv');
    if (doi) out.doi = doi.value;
    if (arxiv) out.arxivId = arxiv.value;
    return out;
  } finally {
    await task.destroy();
  }
}
