import type { PaperFields, SourceFields } from './page-types.ts';
import { cleanText } from './html-entities.ts';
import { arxivOf, safeHttpUrl } from './meta-values.ts';

const HF_PAPER = /^https?:\/\/(?:www\.)?huggingface\.co\/papers\/([^/?#]+)/i;

/**
 * A Hugging Face paper page (`huggingface.co/papers/<arXiv id>`) publishes no citation tags: the arXiv id
 * comes from its address and the title from its og:title or <title> ("Paper page - …"). The arXiv lookup
 * fills the rest later (the item is marked metadata pending).
 */
export function readHuggingFace(pageUrl: string | undefined, metas: ReadonlyArray<{ name: string; content: string }>, title: string | null, canonical: string | null): SourceFields | null {
  const ogUrl = metas.find((m) => m.name.toLowerCase() === 'og:url')?.content;
  const address = [pageUrl, canonical, ogUrl].map((u) => (u ? safeHttpUrl(u, pageUrl) : undefined)).find((u) => u && HF_PAPER.test(u));
  if (!address) return null;
  const arxivId = arxivOf(HF_PAPER.exec(address)![1]!);
  if (!arxivId) return null;
  const paper: PaperFields = { arxivId, url: `https://huggingface.co/papers/${arxivId}` };
  const ogTitle = metas.find((m) => m.name.toLowerCase() === 'og:title')?.content;
  const raw = cleanText(ogTitle ?? title ?? '').replace(/^Paper page\s*[-–—:]\s*/i, '').replace(/\s*[-–—|]\s*Hugging Face$/i, '');
  if (raw) paper.title = raw;
  const description = metas.find((m) => ['og:description', 'description'].includes(m.name.toLowerCase()))?.content;
  if (description) {
    const abstract = cleanText(description);
    if (abstract.length > 80) paper.abstract = abstract;
  }
  paper.pdfUrl = `https://arxiv.org/pdf/${arxivId}`;
  return { source: 'Hugging Face', fields: Object.keys(paper).length, paper };
}
