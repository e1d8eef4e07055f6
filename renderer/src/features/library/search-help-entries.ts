/** The cheat sheet behind the `?` at the search box; docs/search.md has the full story. */

export interface HelpEntry {
  /** What to type. */
  syntax: string;
  /** What it finds. */
  meaning: string;
}

export interface HelpSection {
  title: string;
  entries: HelpEntry[];
}

export const SEARCH_HELP: readonly HelpSection[] = [
  {
    title: 'Words',
    entries: [
      { syntax: 'atention tranformer', meaning: 'every word, anywhere; typos and accents forgiven, exact matches first' },
      { syntax: '"flat minima"', meaning: 'the phrase as written' },
    ],
  },
  {
    title: 'Fields',
    entries: [
      { syntax: 'author:keskar  title:"sharp minima"', meaning: 'words in one field' },
      { syntax: 'venue:neurips  abstract:  note:  annotation:', meaning: 'venue, abstract, Markdown note, annotations' },
      { syntax: 'key:vaswani*  doi:10.48550/…  arxiv:1706.03762', meaning: 'whole values; * at the end for a prefix' },
      { syntax: 'type:inproceedings  tag:to-read', meaning: 'entry type, tag' },
      { syntax: 'collection:"Reading group"', meaning: 'in the collection or its sub-collections' },
    ],
  },
  {
    title: 'Ranges',
    entries: [
      { syntax: 'year:2017..2020  year:>=2021', meaning: 'years, both ends included' },
      { syntax: 'added:<30d  modified:2026-11', meaning: 'added in the last 30 days (h d w m y); modified in Nov 2026' },
      { syntax: 'rating:>=4', meaning: 'stars' },
    ],
  },
  {
    title: 'States',
    entries: [
      { syntax: 'is:unread  is:reading  is:read', meaning: 'reading state' },
      { syntax: 'is:flagged  is:pending  is:trashed', meaning: 'flagged, waiting for metadata, in the trash' },
      { syntax: 'has:pdf  has:note  has:annotations  has:doi', meaning: 'what the item has' },
    ],
  },
  {
    title: 'Full text and related',
    entries: [
      { syntax: 'fulltext:"sharp minima"', meaning: 'only the text of attached PDFs' },
      { syntax: 'related:vaswani2017attention', meaning: 'the items most like this one' },
    ],
  },
  {
    title: 'Logic',
    entries: [
      { syntax: 'a b', meaning: 'both (AND)' },
      { syntax: 'a OR b', meaning: 'either' },
      { syntax: '-tag:read  NOT is:read', meaning: 'without' },
      { syntax: '(author:he OR author:zhang) year:2016', meaning: 'group with parentheses' },
    ],
  },
];

export const SEARCH_EXAMPLES: readonly string[] = [
  'author:keskar "flat minima"',
  'is:unread venue:neurips year:2024 tag:to-read',
  'annotation:calibration',
];
