import type { CslItemData } from '../../model/csl.ts';

/** Entry types between BibTeX/biblatex and CSL. */

const TO_CSL: Readonly<Record<string, string>> = {
  article: 'article-journal',
  book: 'book',
  mvbook: 'book',
  bookinbook: 'chapter',
  inbook: 'chapter',
  suppbook: 'chapter',
  booklet: 'pamphlet',
  collection: 'book',
  mvcollection: 'book',
  incollection: 'chapter',
  suppcollection: 'chapter',
  proceedings: 'book',
  mvproceedings: 'book',
  inproceedings: 'paper-conference',
  conference: 'paper-conference',
  reference: 'book',
  mvreference: 'book',
  inreference: 'entry-encyclopedia',
  manual: 'report',
  misc: 'document',
  online: 'webpage',
  electronic: 'webpage',
  www: 'webpage',
  patent: 'patent',
  periodical: 'periodical',
  suppperiodical: 'article-journal',
  report: 'report',
  techreport: 'report',
  thesis: 'thesis',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  unpublished: 'manuscript',
  software: 'software',
  dataset: 'dataset',
  artwork: 'graphic',
  image: 'graphic',
  audio: 'song',
  music: 'song',
  movie: 'motion_picture',
  video: 'motion_picture',
  jurisdiction: 'legal_case',
  legislation: 'legislation',
  legal: 'treaty',
  letter: 'personal_communication',
  performance: 'performance',
  review: 'review',
  standard: 'standard',
  set: 'document',
  xdata: 'document',
};

export function cslTypeOf(entryType: string, entrysubtype?: string): string {
  const type = entryType.toLowerCase();
  if (type === 'article' && entrysubtype) {
    const sub = entrysubtype.toLowerCase();
    if (sub === 'magazine') return 'article-magazine';
    if (sub === 'newspaper') return 'article-newspaper';
  }
  return TO_CSL[type] ?? 'document';
}

/** [bibtex, biblatex] entry type for a CSL type. */
const FROM_CSL: Readonly<Record<string, [string, string]>> = {
  // CSL `article` is a preprint or working paper (arXiv): @misc / @online, never @article without a journal.
  article: ['misc', 'online'],
  'article-journal': ['article', 'article'],
  'article-magazine': ['article', 'article'],
  'article-newspaper': ['article', 'article'],
  book: ['book', 'book'],
  chapter: ['incollection', 'incollection'],
  'paper-conference': ['inproceedings', 'inproceedings'],
  report: ['techreport', 'report'],
  thesis: ['phdthesis', 'thesis'],
  webpage: ['misc', 'online'],
  post: ['misc', 'online'],
  'post-weblog': ['misc', 'online'],
  patent: ['misc', 'patent'],
  periodical: ['misc', 'periodical'],
  manuscript: ['unpublished', 'unpublished'],
  pamphlet: ['booklet', 'booklet'],
  software: ['misc', 'software'],
  dataset: ['misc', 'dataset'],
  'entry-encyclopedia': ['incollection', 'inreference'],
  'entry-dictionary': ['incollection', 'inreference'],
  entry: ['incollection', 'inreference'],
  graphic: ['misc', 'artwork'],
  song: ['misc', 'audio'],
  motion_picture: ['misc', 'movie'],
  legal_case: ['misc', 'jurisdiction'],
  legislation: ['misc', 'legislation'],
  treaty: ['misc', 'legal'],
  personal_communication: ['misc', 'letter'],
  performance: ['misc', 'performance'],
  review: ['article', 'review'],
  'review-book': ['article', 'review'],
  standard: ['misc', 'standard'],
};

export function entryTypeOf(csl: CslItemData, dialect: 'bibtex' | 'biblatex'): string {
  const pair = FROM_CSL[csl.type] ?? ['misc', 'misc'];
  if (dialect === 'bibtex' && csl.type === 'thesis') {
    const genre = typeof csl.genre === 'string' ? csl.genre : '';
    return /master|m\.?\s?sc|m\.?a\.?\b/i.test(genre) ? 'mastersthesis' : 'phdthesis';
  }
  return dialect === 'bibtex' ? pair[0] : pair[1];
}

/** CSL types whose `issue` is written as BibTeX `number` (journals number their issues). */
export function numberIsIssue(cslType: string): boolean {
  return cslType.startsWith('article') || cslType === 'periodical' || cslType === 'review';
}
