import type { Collection } from '../../model/collection.ts';
import type { CollectionId } from '../../model/ids.ts';
import { foldText } from '../fold-text.ts';
import { NO_MATCH, type Scores, type SearchIndex } from '../index/search-index.ts';
import { DOC_TEXT_FIELDS, FIELD_WEIGHTS, fieldText, type DocTextField, type SearchDoc } from '../index/search-doc.ts';
import type { HasValue, IsValue, QueryNode, TextField } from './query-ast.ts';

/** What evaluation needs besides the index. */
export interface EvalContext {
  collections: readonly Collection[];
  /** Related items of a key, best first (shared/search/related.ts); absent: related: matches nothing. */
  related?: (key: string) => ReadonlyArray<{ slot: number; score: number }>;
}

/** Per slot: NO_MATCH, or the score. A filter (year:, is:, ...) scores 0; text scores add up. */
export type Matches = Scores;

/** The query's text fields mapped to the document fields they search. */
const FIELDS_OF: Record<TextField, DocTextField[]> = {
  title: ['title'], author: ['author'], venue: ['venue'], abstract: ['abstract'], note: ['note'],
  fulltext: ['fulltext'], annotation: ['annotation'],
};

const HEADLINE_FIELDS: ReadonlySet<DocTextField> = new Set(['title', 'author', 'meta', 'venue']);

/** BibTeX entry types a user may type, with the CSL type each item carries. */
const TYPE_ALIASES: Record<string, string> = {
  article: 'article-journal', inproceedings: 'paper-conference', conference: 'paper-conference', incollection: 'chapter',
  inbook: 'chapter', phdthesis: 'thesis', mastersthesis: 'thesis', techreport: 'report', online: 'webpage', misc: 'document',
};

function collectionIds(collections: readonly Collection[], value: string, prefix: boolean): Set<CollectionId> {
  const roots = collections.filter((c) => (prefix ? foldText(c.name).startsWith(value) : foldText(c.name) === value));
  const out = new Set<CollectionId>(roots.map((c) => c.id));
  // Sub-collections belong to their parent's search.
  for (let grew = true; grew;) {
    grew = false;
    for (const c of collections) {
      if (c.parentId !== null && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return out;
}

const isState = (doc: SearchDoc, value: IsValue): boolean => {
  switch (value) {
    case 'unread': case 'reading': case 'read': return doc.read === value;
    case 'flagged': return doc.flagged;
    case 'pending': return doc.pending;
    case 'trashed': return doc.trashed;
  }
};

const hasThing = (doc: SearchDoc, value: HasValue): boolean => {
  switch (value) {
    case 'pdf': return doc.hasPdf;
    case 'note': return doc.note.trim().length > 0;
    case 'annotations': return doc.annotations.length > 0;
    case 'doi': return doc.doi.length > 0;
    case 'abstract': return doc.abstract.trim().length > 0;
    case 'tags': return doc.tags.length > 0;
  }
};

function exactMatch(got: string, want: string, prefix: boolean): boolean {
  return prefix ? got.startsWith(want) : got === want;
}

const NON_ASCII = /[\u0080-\uffff]/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a text holds the normalised phrase: `normalizeText(text).includes(phrase)`, without making the normalised
 * copy. The words with any run of non-word characters between them are matched in the lower-cased text first (an
 * ASCII match there is a match of the folded text too); only text that fails and is not ASCII is folded.
 */
function phraseTest(phrase: string): (text: string) => boolean {
  const re = new RegExp(phrase.split(' ').map(escape).join('[^\\p{L}\\p{N}]+'), 'u');
  return (text) => re.test(text.toLowerCase()) || (NON_ASCII.test(text) && re.test(foldText(text)));
}

export class QueryEvaluator {
  private readonly index: SearchIndex;
  private readonly ctx: EvalContext;

  constructor(index: SearchIndex, ctx: EvalContext) {
    this.index = index;
    this.ctx = ctx;
  }

  /** Every document the node matches, with its score. */
  evaluate(node: QueryNode): Matches {
    switch (node.kind) {
      case 'all': return this.filter(() => true);
      case 'and': {
        const [first, ...rest] = node.children.map((c) => this.evaluate(c)) as [Matches, ...Matches[]];
        for (const other of rest) {
          for (let i = 0; i < first.length; i++) {
            const a = first[i] as number;
            if (a === NO_MATCH) continue;
            const b = other[i] as number;
            first[i] = b === NO_MATCH ? NO_MATCH : a + b;
          }
        }
        return first;
      }
      case 'or': {
        const [first, ...rest] = node.children.map((c) => this.evaluate(c)) as [Matches, ...Matches[]];
        for (const other of rest) {
          for (let i = 0; i < first.length; i++) {
            const b = other[i] as number;
            if (b === NO_MATCH) continue;
            const a = first[i] as number;
            first[i] = a === NO_MATCH ? b : a + b;
          }
        }
        return first;
      }
      case 'not': {
        const inner = this.evaluate(node.child);
        return this.filter((_doc, slot) => inner[slot] === NO_MATCH);
      }
      case 'text': return this.text(node.field === null ? DOC_TEXT_FIELDS : FIELDS_OF[node.field], node.words, node.text, node.phrase);
      case 'exact': return this.exact(node.field, node.value, node.prefix);
      case 'range': return this.filter((doc) => {
        const v = node.field === 'year' ? doc.year : doc.rating;
        return v !== null && (node.range.min === null || v >= node.range.min) && (node.range.max === null || v <= node.range.max);
      });
      case 'date': return this.filter((doc) => {
        const t = node.field === 'added' ? doc.addedAt : doc.modifiedAt;
        return (node.range.from === null || t >= node.range.from) && (node.range.until === null || t < node.range.until);
      });
      case 'is': return this.filter((doc) => isState(doc, node.value));
      case 'has': return this.filter((doc) => hasThing(doc, node.value));
      case 'related': {
        const out = this.index.emptyScores();
        for (const r of this.ctx.related?.(node.key) ?? []) out[r.slot] = r.score;
        return out;
      }
    }
  }

  private filter(test: (doc: SearchDoc, slot: number) => boolean): Matches {
    const out = this.index.emptyScores();
    for (let slot = 0; slot < out.length; slot++) {
      const doc = this.index.doc(slot);
      if (doc && test(doc, slot)) out[slot] = 0;
    }
    return out;
  }

  private exact(field: 'key' | 'doi' | 'arxiv' | 'type' | 'tag' | 'collection', value: string, prefix: boolean): Matches {
    if (field === 'collection') {
      const ids = collectionIds(this.ctx.collections, value, prefix);
      return this.filter((doc) => doc.collections.some((c) => ids.has(c)));
    }
    if (field === 'type') {
      const wanted = TYPE_ALIASES[value] ?? value;
      return this.filter((doc) => doc.types.some((t) => exactMatch(t, value, prefix) || exactMatch(t, wanted, prefix)));
    }
    if (field === 'tag') return this.filter((doc) => doc.tags.some((t) => exactMatch(foldText(t), value, prefix)));
    if (field === 'key') return this.filter((doc) => exactMatch(doc.key.toLowerCase(), value, prefix));
    if (field === 'doi') return this.filter((doc) => exactMatch(doc.doi, value, prefix));
    return this.filter((doc) => exactMatch(doc.arxiv, value.replace(/v\d+$/, ''), prefix) || exactMatch(doc.arxiv, value, prefix));
  }

  /** Every word must match in one of the fields (typos and prefixes allowed); a phrase must occur as typed. */
  private text(fields: readonly DocTextField[], words: string[], phraseText: string, phrase: boolean): Matches {
    let out: Matches | null = null;
    for (const word of words) {
      const perWord = this.index.emptyScores();
      // A lone letter is the start of a word being typed: it looks in the headline fields only, where a first
      // letter is worth showing, not through every abstract and page.
      const searched = word.length === 1 && !phrase ? fields.filter((f) => HEADLINE_FIELDS.has(f)) : fields;
      const expansions = this.index.expand(word, !phrase);
      for (const field of searched) {
        let blended = 0;
        if (expansions.length > 1) for (const { term } of expansions) blended = Math.max(blended, this.index.documentFrequency(field, term));
        for (const { term, quality } of expansions) this.index.scoreTermInto(field, term, quality * FIELD_WEIGHTS[field], perWord, blended);
      }
      if (out === null) out = perWord;
      else {
        for (let i = 0; i < out.length; i++) {
          const a = out[i] as number;
          if (a === NO_MATCH) continue;
          const w = perWord[i] as number;
          out[i] = w === NO_MATCH ? NO_MATCH : a + w;
        }
      }
    }
    const result = out ?? this.index.emptyScores();
    if (!phrase) return result;
    const holds = phraseTest(phraseText);
    for (let slot = 0; slot < result.length; slot++) {
      if (result[slot] === NO_MATCH) continue;
      const doc = this.index.doc(slot) as SearchDoc;
      // Only a field that holds every word of the phrase can hold the phrase: the postings say which, cheaply.
      const found = fields.some((f) => words.every((w) => this.index.fieldHas(f, w, slot)) && holds(fieldText(doc, f)));
      result[slot] = found ? (result[slot] as number) * 1.5 : NO_MATCH;
    }
    return result;
  }
}
