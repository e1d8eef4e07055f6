import { describeSources, readPageMetadata, type PageMetadata } from '../../shared/formats/html-meta/index.ts';
import { classifyUrl } from '../../shared/formats/identifiers/index.ts';
import type { CslName } from '../../shared/model/csl.ts';
import type { PageSnapshot, PopupPage } from './messages.ts';

/** What the extension makes of a tab: a paper's page (its metadata), a PDF shown by the browser, or neither. */
export interface ReadPage {
  snapshot: PageSnapshot;
  kind: PopupPage['kind'];
  meta: PageMetadata;
  /** The identifiers to look the paper up by before it is saved. */
  doi: string | null;
  arxivId: string | null;
  /** The PDF to send: the page's `citation_pdf_url` (or like), or the tab itself when it shows a PDF. */
  pdfUrl: string | null;
}

/** A tab whose document is a PDF (the browser's viewer), or whose address names one and has no page metadata. */
export function isPdfSnapshot(snapshot: PageSnapshot): boolean {
  if (snapshot.contentType.toLowerCase() === 'application/pdf') return true;
  try {
    return /\.pdf$/i.test(new URL(snapshot.url).pathname) && snapshot.html.trim() === '';
  } catch {
    return false;
  }
}

export function readSnapshot(snapshot: PageSnapshot): ReadPage {
  const meta = readPageMetadata(snapshot.html, snapshot.url);
  if (isPdfSnapshot(snapshot)) {
    // Before the PDF is read (by Folio, on save) only its address can say what it is: arxiv.org/pdf/<id>, a DOI in the path.
    const found = /^https?:/i.test(snapshot.url) ? classifyUrl(snapshot.url, 0) : [];
    return {
      snapshot, kind: 'pdf', meta,
      doi: found.find((f) => f.kind === 'doi')?.value ?? null,
      arxivId: found.find((f) => f.kind === 'arxiv')?.value ?? null,
      pdfUrl: snapshot.url,
    };
  }
  return {
    snapshot, kind: meta.isPaper ? 'paper' : 'other', meta,
    doi: meta.paper.doi ?? null, arxivId: meta.paper.arxivId ?? null, pdfUrl: meta.paper.pdfUrl ?? null,
  };
}

function fullName(name: CslName): string {
  const family = name['non-dropping-particle'] && name.family ? `${name['non-dropping-particle']} ${name.family}` : name.family;
  return [name.given, family].filter(Boolean).join(' ') || name.literal || '';
}

/** "Ashish Vaswani, Noam Shazeer, Niki Parmar and 5 more". */
export function authorLine(authors: readonly CslName[]): string {
  const shown = authors.slice(0, 3).map(fullName).filter(Boolean);
  const rest = authors.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/** The PDF's file name from its address, `.pdf` added when missing (arxiv.org/pdf/1706.03762 has none). */
export function pdfFileName(url: string): string {
  let last: string;
  try {
    last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    last = '';
  }
  const stem = last.replace(/\.pdf$/i, '').replace(/[^\w.\- ]+/g, '_').slice(0, 120) || 'paper';
  return `${stem}.pdf`;
}

/** What the popup shows of a page. */
export function popupPage(page: ReadPage): PopupPage {
  const p = page.meta.paper;
  const year = p.issued?.['date-parts']?.[0]?.[0] ?? p.onlineDate?.['date-parts']?.[0]?.[0];
  const where = p.containerTitle ?? (page.arxivId ? 'arXiv' : '');
  return {
    url: page.snapshot.url,
    kind: page.kind,
    title: page.kind === 'pdf' ? pdfFileName(page.snapshot.url) : p.title ?? '',
    authors: authorLine(p.authors ?? []),
    venue: [where, year === undefined ? '' : String(year)].filter(Boolean).join(' '),
    sources: page.kind === 'pdf' ? 'PDF' : describeSources(page.meta.sources),
    pdfUrl: page.pdfUrl, doi: page.doi, arxivId: page.arxivId,
  };
}
