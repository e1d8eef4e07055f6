import { parseArxivId, type ArxivId } from './arxiv-id.ts';
import { arxivIdFromDoi, normalizeDoi } from './doi.ts';
import type { FoundIdentifier } from './identifier-types.ts';

const HF_PAPER = /^(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co|hf\.co)\/papers\/([^/?#]+)(?:[/?#].*)?$/i;
const ARXIV_PAGE = /^(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html|ps|format)\/([^?#]+?)(?:\.pdf)?\/?(?:[?#].*)?$/i;
const DOI_RESOLVER = /^(?:https?:\/\/)?(?:www\.|dx\.)?doi\.org\/([^?#]+)/i;
// Publisher pages put the DOI in the path (`/doi/10.1145/...`) or in a query (`?id=10.1371/...`).
const DOI_IN_URL = new RegExp(String.raw`10\.\d{4,9}(?:\.\d+)*(?:\/|%2F)[^?#&\s"<>]+`, 'i');
const PAGE_SUFFIX = /(?:\/(?:full|abstract|pdf|epdf|html|fulltext|summary|references|meta|figures))+\/?$|\.pdf$/i;

function arxivFound(id: ArxivId, raw: string, index: number): FoundIdentifier {
  return id.version ? { kind: 'arxiv', value: id.id, version: id.version, raw, index } : { kind: 'arxiv', value: id.id, raw, index };
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function doiFound(doi: string, raw: string, index: number): FoundIdentifier[] {
  const found: FoundIdentifier[] = [{ kind: 'doi', value: doi, raw, index }];
  const arxiv = arxivIdFromDoi(doi);
  if (arxiv) found.push(arxivFound(arxiv, raw, index));
  return found;
}

/** What a URL identifies: a Hugging Face paper page, an arXiv page, a DOI, or just itself. */
export function classifyUrl(url: string, index: number): FoundIdentifier[] {
  const hf = HF_PAPER.exec(url);
  if (hf) {
    const id = parseArxivId(hf[1]!);
    if (id) return [{ kind: 'hf-paper', value: id.id, raw: url, index }, arxivFound(id, url, index)];
  }
  const arxiv = ARXIV_PAGE.exec(url);
  if (arxiv) {
    const id = parseArxivId(decoded(arxiv[1]!));
    if (id) return [arxivFound(id, url, index)];
  }
  const resolver = DOI_RESOLVER.exec(url);
  if (resolver) {
    const doi = normalizeDoi(decoded(resolver[1]!));
    if (doi) return doiFound(doi, url, index);
  }
  const inside = DOI_IN_URL.exec(url);
  if (inside) {
    const doi = normalizeDoi(decoded(inside[0]).replace(PAGE_SUFFIX, ''));
    if (doi) return doiFound(doi, url, index);
  }
  return [{ kind: 'url', value: url, raw: url, index }];
}
