import { FolioError } from '../../../shared/api/api-error.ts';
import { findIdentifiers } from '../../../shared/formats/identifiers/index.ts';
import { looksLikeAuthors, splitAuthors as splitListedAuthors } from '../../../shared/formats/listing/line-kinds.ts';
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

/** The part of pdf.js's text item that is read here. */
interface TextItem {
  str: string;
  transform: number[];
}

const JUNK_TITLE = /^(untitled|microsoft word|layout \d|title)\b|\.(docx?|tex|dvi|pdf|indd)$/i;

function plausibleTitle(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const title = value.replace(/\s+/g, ' ').trim();
  if (title.length < 8 || title.length > 400 || JUNK_TITLE.test(title) || !/\s/.test(title)) return undefined;
  return title;
}

function splitAuthors(value: unknown): string[] {
  if (typeof value !== 'string' || value.trim() === '') return [];
  return value.split(/\s*(?:;|,|\band\b|&)\s*/).map((n) => n.trim()).filter((n) => /\p{L}/u.test(n) && n.length < 100);
}

/** Upright text only: an arXiv stamp runs up the margin and is never the title. */
function uprightSize(item: TextItem): number {
  const [a = 0, b = 0, c = 0, d = 0] = item.transform;
  return Math.abs(b) < 0.01 && Math.abs(c) < 0.01 && a > 0 ? Math.abs(d) : 0;
}

/** Upright text of page 1 as lines, top to bottom, with the largest font size on each line. */
function pageLines(items: readonly TextItem[]): Array<{ y: number; size: number; text: string }> {
  const byY = new Map<number, TextItem[]>();
  for (const item of items) {
    if (item.str.trim() === '' || uprightSize(item) === 0) continue;
    const y = Math.round(item.transform[5] ?? 0);
    byY.set(y, [...(byY.get(y) ?? []), item]);
  }
  return [...byY.entries()]
    .sort(([a], [b]) => b - a)
    .map(([y, parts]) => ({
      y,
      size: Math.max(...parts.map(uprightSize)),
      text: parts.sort((p, q) => (p.transform[4] ?? 0) - (q.transform[4] ?? 0)).map((p) => p.str.trim()).join(' ').replace(/\s+/g, ' '),
    }));
}

/**
 * The title is the largest upright text of page 1 that reads like one (a few words, not a
 * running head); the authors are the line below it when that line is a list of names.
 */
export function titleAndAuthorsFromPage(items: readonly TextItem[]): { title?: string; authors: string[] } {
  const lines = pageLines(items);
  const sizes = [...new Set(lines.map((l) => Math.round(l.size * 2) / 2))].sort((x, y) => y - x);
  for (const size of sizes.slice(0, 4)) {
    const titleLines = lines.filter((l) => Math.abs(l.size - size) <= 0.5);
    const title = plausibleTitle(titleLines.map((l) => l.text).join(' ').replace(/- (?=\p{Ll})/gu, ''));
    if (!title) continue;
    const last = lines.indexOf(titleLines[titleLines.length - 1]!);
    const next = lines[last + 1]?.text ?? '';
    return { title, authors: looksLikeAuthors(next, 1) ? splitListedAuthors(next) : [] };
  }
  return { authors: [] };
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
    let items: TextItem[] = [];
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
