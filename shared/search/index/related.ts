import type { ItemId } from '../../model/ids.ts';
import type { SearchIndex } from './search-index.ts';
import { fieldText, type DocTextField, type SearchDoc } from './search-doc.ts';
import { termImpact } from './term-impacts.ts';
import { termsOf } from './tokenize.ts';

/**
 * "Related in your library", as a BM25 "more like this" query: the item's 40 most telling terms (TF-IDF over title,
 * abstract, note, annotations and full text; title words count double) are searched with BM25 in the same fields,
 * each weighted by its TF-IDF, and the sum is scaled by the item's score against itself; a shared author and the same
 * first author add a bonus. Offline, no model: the index's own statistics are the whole of it (docs/search.md).
 */

export interface RelatedHit {
  id: ItemId;
  slot: number;
  score: number;
  /** Why: "shared: generalization gap, offline rl; same first author". */
  why: string;
}

const CONTENT_FIELDS: ReadonlyArray<[DocTextField, number]> = [['title', 2], ['abstract', 1], ['note', 1], ['annotation', 1], ['fulltext', 0.5]];
const AUTHOR_FIELD: ReadonlyArray<[DocTextField, number]> = [['author', 1]];
/** The terms that say most about the item; more add cost and little signal. */
const QUERY_TERMS = 40;
/** Terms in more than half the library say nothing (stop words in any language); idf discounts the rest. */
const MAX_DF_SHARE = 0.5;
const AUTHOR_BONUS = 0.08;
const FIRST_AUTHOR_BONUS = 0.1;

/** Function words that idf alone does not silence in a small library; the rest of any language is left to idf. */
const STOP_WORDS = new Set(('the and for with from that this are was were been have has its into onto over under than then '
  + 'their there these those which while where when what who whom whose will would can could should may might not but '
  + 'also such via using use used our your they them his her she him you all any each more most other some only very '
  + 'der die das und für von mit les des une pour dans sur par').split(' '));

const surname = (name: string): string => termsOf(name).pop() ?? '';

/** Each document's author surnames, worked out once per document and found by slot (checked against the document). */
const surnameCache = new WeakMap<SearchIndex, Array<{ doc: SearchDoc; names: string[] } | undefined>>();
function surnamesAt(index: SearchIndex, slot: number, doc: SearchDoc): string[] {
  let bySlot = surnameCache.get(index);
  if (!bySlot) {
    bySlot = [];
    surnameCache.set(index, bySlot);
  }
  const known = bySlot[slot];
  if (known?.doc === doc) return known.names;
  const names = doc.authors.map(surname);
  bySlot[slot] = { doc, names };
  return names;
}

/** Higher score first, then library order: the order the hits are shown in. */
const better = (score: number, slot: number, than: { slot: number; score: number }): boolean =>
  score > than.score || (score === than.score && slot < than.slot);

function weightedTerms(index: SearchIndex, doc: SearchDoc): Map<string, number> {
  const tf = new Map<string, number>();
  for (const [field, weight] of CONTENT_FIELDS) {
    for (const term of termsOf(fieldText(doc, field))) if (term.length > 2 && !STOP_WORDS.has(term)) tf.set(term, (tf.get(term) ?? 0) + weight);
  }
  const n = Math.max(1, index.size);
  const out = new Map<string, number>();
  for (const [term, f] of tf) {
    let df = 0;
    for (const [field] of CONTENT_FIELDS) df = Math.max(df, index.documentFrequency(field, term));
    if (df <= 1 || df > n * MAX_DF_SHARE) continue;
    out.set(term, (1 + Math.log(f)) * Math.log(n / df));
  }
  return out;
}

/** The `limit` items most like the one with this id, best first, each with its reason. */
export function relatedItems(index: SearchIndex, id: ItemId, limit = 10): RelatedHit[] {
  const slot = index.slotOf(id);
  const doc = slot === undefined ? null : index.doc(slot);
  if (slot === undefined || !doc) return [];
  const top = [...weightedTerms(index, doc)].sort((a, b) => b[1] - a[1]).slice(0, QUERY_TERMS);
  // Only the slots some term reached are visited: the sum of the terms' postings, not terms times the library.
  const totals = new Float64Array(index.capacity);
  const best = new Float64Array(index.capacity);
  const reached: number[] = [];
  const touched: number[] = [];
  for (const [term, weight] of top) {
    const { slots, scores } = termImpact(index, 'content', CONTENT_FIELDS, term, best, touched);
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i] as number;
      if (totals[s] === 0) reached.push(s);
      totals[s] = (totals[s] as number) + weight * (scores[i] as number);
    }
  }
  const self = (totals[slot] as number) || 1;
  const mySurnames = surnamesAt(index, slot, doc);
  const myAuthors = new Set(mySurnames.filter(Boolean));
  const myFirst = mySurnames[0] ?? '';
  // Whoever shares an author is found through the author postings, not by reading every item.
  const byAuthor = new Uint8Array(index.capacity);
  for (const name of myAuthors) {
    for (const s of termImpact(index, 'author', AUTHOR_FIELD, name, best, touched).slots) {
      if (byAuthor[s] !== 0) continue;
      byAuthor[s] = 1;
      if (totals[s] === 0) reached.push(s);
    }
  }
  // A bounded selection of the best: the candidates are scored, never all sorted.
  const picked: Array<{ slot: number; score: number; sameFirst: boolean }> = [];
  // Nothing can score above its share of the terms plus what the most authors any item has could add: a candidate
  // that bound keeps out of the ten is passed over before its document is read. (The margin covers the rounding of
  // adding the bonuses in another order than the score does.)
  const authorsBound = index.mostAuthors * AUTHOR_BONUS + FIRST_AUTHOR_BONUS + 1e-9;
  for (const other of reached) {
    if (other === slot) continue;
    const base = (totals[other] as number) / self;
    if (picked.length === limit && !better(base + authorsBound, other, picked[limit - 1] as { slot: number; score: number })) continue;
    const o = index.doc(other);
    if (!o || o.trashed) continue;
    let shared = 0;
    let sameFirst = false;
    if (byAuthor[other] !== 0) {
      // The most its authors could add cannot lift it into the ten: its surnames are not looked at.
      const most = base + o.authors.length * AUTHOR_BONUS + FIRST_AUTHOR_BONUS;
      if (picked.length === limit && !better(most, other, picked[limit - 1] as { slot: number; score: number })) continue;
      const theirs = surnamesAt(index, other, o);
      for (const a of theirs) if (myAuthors.has(a)) shared++;
      sameFirst = myFirst !== '' && theirs[0] === myFirst;
    }
    const score = base + shared * AUTHOR_BONUS + (sameFirst ? FIRST_AUTHOR_BONUS : 0);
    if (picked.length === limit && !better(score, other, picked[limit - 1] as { slot: number; score: number })) continue;
    let at = picked.length === limit ? limit - 1 : picked.length;
    while (at > 0 && better(score, other, picked[at - 1] as { slot: number; score: number })) at--;
    picked.splice(at, 0, { slot: other, score, sameFirst });
    if (picked.length > limit) picked.pop();
  }
  const mine = new Map(top);
  return picked.map(({ slot: other, score, sameFirst }) => {
    const o = index.doc(other) as SearchDoc;
    const sharedAuthors = byAuthor[other] === 0 ? [] : surnamesAt(index, other, o).filter((a) => myAuthors.has(a));
    // The reason names the telling terms the two share, strongest first: worked out for the few shown only.
    const theirs = new Set(CONTENT_FIELDS.flatMap(([field]) => termsOf(fieldText(o, field))));
    const words = [...mine].filter(([t]) => theirs.has(t)).slice(0, 3).map(([t]) => t);
    const reasons = [
      words.length > 0 ? `shared: ${words.join(', ')}` : '',
      sameFirst ? 'same first author' : sharedAuthors.length > 0 ? `shared author${sharedAuthors.length > 1 ? 's' : ''}: ${sharedAuthors.join(', ')}` : '',
    ].filter(Boolean);
    return { id: o.id, slot: other, score: Math.round(score * 1000) / 1000, why: reasons.join('; ') };
  });
}
