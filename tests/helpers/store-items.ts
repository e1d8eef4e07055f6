import { parseBibtex } from '../../shared/formats/bibtex/index.ts';
import type { Item } from '../../shared/model/item.ts';
import { asItemId } from '../../shared/model/ids.ts';

const WORDS = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua'.split(' ');

/** A realistic item for store tests; `abstractChars` ~1,200 matches the 50k-item budget in DESIGN.md. */
export function makeTestItem(n: number, abstractChars = 200): Item {
  let abstract = '';
  for (let w = n; abstract.length < abstractChars; w += 7) abstract += `${WORDS[w % WORDS.length]} `;
  return {
    id: asItemId(`it_${n.toString(36).padStart(8, '0')}`),
    citationKey: `smith${2000 + (n % 24)}study${n}`,
    keyPinned: false,
    csl: {
      type: 'article-journal',
      title: `A study of things, part ${n}`,
      author: [{ family: `Smith${n}`, given: 'Jane' }, { family: 'Müller', given: 'Jörg' }],
      issued: { 'date-parts': [[2000 + (n % 24), 1 + (n % 12)]] },
      'container-title': 'Journal of Things',
      volume: String(n % 50),
      page: '1–10',
      DOI: `10.1000/test.${n}`,
      abstract: abstract.slice(0, abstractChars),
    },
    tags: ['test', `tag${n % 10}`],
    collections: [],
    read: 'unread',
    rating: 0,
    flagged: false,
    addedAt: '2024-01-01T00:00:00.000Z',
    modifiedAt: '2024-01-01T00:00:00.000Z',
    trashedAt: null,
    attachments: [],
    note: null,
    annotations: [],
  };
}

export function makeTestItems(from: number, count: number, abstractChars = 200): Item[] {
  return Array.from({ length: count }, (_, i) => makeTestItem(from + i, abstractChars));
}

/** Items as an import of `bib` makes them (CSL and kept source), ids `it_<idPrefix><n>`. */
export function importedTestItems(bib: string, fileName: string, idPrefix = ''): Item[] {
  return parseBibtex(bib, fileName).entries.map((entry, i) => ({
    ...makeTestItem(i),
    id: asItemId(`it_${idPrefix}${i}`),
    citationKey: entry.source.key,
    csl: entry.csl,
    source: entry.source,
  }));
}
