import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runFolio } from '../helpers/folio-cli.ts';
import { latex, requireTexFile, requireTool, writeIn } from '../tools/tex-tools.ts';

interface ListedItem {
  'citation-key': string;
  title?: string;
  author?: Array<{ family?: string; given?: string; literal?: string }>;
  issued?: { 'date-parts'?: Array<Array<number | string>> };
  type: string;
  folio: { tags: string[]; read: string };
}

let library: string;
let listed: ListedItem[];
const keysOf = (query: string): string[] => {
  const r = runFolio(['search', '--library', library, '--json', query]);
  if (r.status !== 0) throw new Error(`${query}: exit ${r.status}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as Array<{ key: string }>).map((h) => h.key).sort();
};
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const year = (i: ListedItem) => Number(i.issued?.['date-parts']?.[0]?.[0] ?? NaN);
const reference = (test: (i: ListedItem) => boolean) => listed.filter(test).map((i) => i['citation-key']).sort();

beforeAll(() => {
  library = mkdtempSync(join(tmpdir(), 'folio-search-'));
  const bib = requireTexFile('biblatex-examples.bib', 'texlive-bibtex-extra');
  expect(runFolio(['import', bib, join(repoRoot, 'tests/fixtures/listing/hf-papers-generalization.txt'), '--library', library]).status).toBe(0);
  const keys = runFolio(['list', '--library', library, '--json']);
  listed = JSON.parse(keys.stdout) as ListedItem[];
  expect(listed.length).toBeGreaterThan(100);
});

afterAll(() => rmSync(library, { recursive: true, force: true }));

describe('folio search: field queries give exactly what a plain filter over `folio list --json` gives', () => {
  it.each([
    ['author:knuth', (i: ListedItem) => (i.author ?? []).some((a) => fold(a.family ?? a.literal ?? '') === 'knuth')],
    ['year:1984..1986', (i: ListedItem) => year(i) >= 1984 && year(i) <= 1986],
    ['year:>=2000', (i: ListedItem) => year(i) >= 2000],
    ['type:book', (i: ListedItem) => i.type === 'book'],
    ['is:unread -year:<2020', (i: ListedItem) => i.folio.read === 'unread' && !(year(i) <= 2019)],
    ['author:knuth OR author:aristotle', (i: ListedItem) => (i.author ?? []).some((a) => ['knuth', 'aristotle'].includes(fold(a.family ?? a.literal ?? '')))],
    ['title:generalization', (i: ListedItem) => /\bgenerali[sz]ation\b/i.test(i.title ?? '')],
  ])('%s', (query, test) => {
    const want = reference(test);
    expect(want.length).toBeGreaterThan(0);
    expect(keysOf(query)).toEqual(want);
  });
});

describe('folio search', () => {
  it('prints rank, key, year and title, best first', () => {
    const r = runFolio(['search', '--library', library, 'title:texbook']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^1\tknuth:ct:a\t1984\tThe TeXbook\n/);
  });

  it('is typo tolerant and accent blind', () => {
    expect(keysOf('knth')).toContain('knuth:ct:a');
    expect(keysOf('Goossens')).toEqual(keysOf('Goosens'));
  });

  it('exits 2 with the error and its position for a malformed query', () => {
    const r = runFolio(['search', '--library', library, 'author:knuth (year:1984']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('column 14');
    expect(r.stderr).toContain('never closed');
    expect(r.stdout).toBe('');
  });

  it('keeps saved searches in the library: add, list, list --saved, export --saved, remove', () => {
    expect(runFolio(['search', 'saved', 'add', 'Knuth books', 'author:knuth type:book', '--library', library]).status).toBe(0);
    const list = runFolio(['search', 'saved', 'list', '--library', library]);
    expect(list.stdout).toContain('Knuth books\t');
    const count = Number(list.stdout.split('\t')[1]);
    const items = runFolio(['list', '--saved', 'Knuth books', '--library', library]);
    expect(items.stdout.trim().split('\n')).toHaveLength(count);
    const bib = runFolio(['export', '--saved', 'Knuth books', '--library', library]);
    expect(bib.stdout.match(/^@\w+\{/gm)).toHaveLength(count);
    expect(runFolio(['search', 'saved', 'add', 'bad', 'year:(', '--library', library]).status).toBe(1);
    expect(runFolio(['search', 'saved', 'remove', 'Knuth books', '--library', library]).status).toBe(0);
    expect(runFolio(['search', 'saved', 'list', '--library', library]).stdout).toBe('');
  });

  it('lists related items with why', () => {
    const r = runFolio(['related', '--library', library, '--key', 'knuth:ct:a', '--json', '--limit', '3']);
    expect(r.status).toBe(0);
    const hits = JSON.parse(r.stdout) as Array<{ key: string; why: string }>;
    expect(hits).toHaveLength(3);
    expect(hits.every((h) => h.key.startsWith('knuth:') && h.why.includes('same first author'))).toBe(true);
  });
});

describe('folio search over the full text of PDFs', () => {
  let lib: string;
  beforeAll(() => {
    requireTool('pdflatex');
    lib = mkdtempSync(join(tmpdir(), 'folio-fulltext-'));
    const pages = ['Opening remarks on optimisation.', 'Second page about batch sizes.', 'Third page on learning rates.',
      'Only here: the loss landscape of quokkas is surprisingly flat near wide minima.'];
    writeIn(lib, 'paper.tex', `\\documentclass{article}\\begin{document}\\title{Landscapes}\\author{A. Author}\\maketitle\n${pages.join('\n\\newpage\n')}\n\\end{document}\n`);
    expect(latex(lib, 'pdflatex', 'paper').status).toBe(0);
    expect(runFolio(['import', join(lib, 'paper.pdf'), '--library', lib]).status).toBe(0);
  });
  afterAll(() => rmSync(lib, { recursive: true, force: true }));

  it('titles the imported PDF from its largest type, not from the byline and \\date below it', () => {
    const [item] = JSON.parse(runFolio(['list', '--library', lib, '--json']).stdout) as Array<{ title?: string }>;
    expect(item?.title).toBe('Landscapes');
  });

  it('finds text that exists only on page 4, with a snippet naming the page', () => {
    const r = runFolio(['search', '--library', lib, '--json', 'fulltext:"quokkas"']);
    expect(r.status).toBe(0);
    const [hit] = JSON.parse(r.stdout) as Array<{ page?: number; snippet?: string }>;
    expect(hit?.page).toBe(4);
    expect(hit?.snippet).toContain('loss landscape of quokkas');
    expect(runFolio(['search', '--library', lib, 'quokas']).stdout).toContain('p. 4: ');
  });

  it('rebuilds a damaged full-text cache instead of trusting it, and the library is unchanged', () => {
    const before = runFolio(['list', '--library', lib, '--json']).stdout;
    const dir = join(lib, 'fulltext');
    for (const f of readdirSync(dir)) writeFileSync(join(dir, f), '{"version":1,"sha256":"nope","pages":["wrong text"]}');
    expect(keysOfIn(lib, 'fulltext:quokkas')).toHaveLength(1);
    expect(keysOfIn(lib, 'fulltext:"wrong text"')).toHaveLength(0);
    rmSync(dir, { recursive: true });
    expect(keysOfIn(lib, 'fulltext:quokkas')).toHaveLength(1);
    expect(runFolio(['list', '--library', lib, '--json']).stdout).toBe(before);
  });
});

describe('folio search over a 2,000-page PDF', () => {
  let lib: string;
  beforeAll(() => {
    requireTool('pdflatex');
    lib = mkdtempSync(join(tmpdir(), 'folio-longpdf-'));
    // The words sought stand exactly on page 1999; page 109 holds only near misses (a prefix, a typo, the words apart).
    const pages = Array.from({ length: 2000 }, (_, i) => `Page ${i + 1} of the long report on optimisation and batch sizes.`
      + (i === 108 ? ' A sharp turn here: the minimal quokka colony.' : i === 1998 ? ' Only here: sharp minima in the landscape of quokkas.' : ''));
    writeIn(lib, 'report.tex', `\\documentclass{article}\\begin{document}\n${pages.join('\n\\newpage\n')}\n\\end{document}\n`);
    expect(latex(lib, 'pdflatex', 'report').status).toBe(0);
    expect(runFolio(['import', join(lib, 'report.pdf'), '--library', lib]).status).toBe(0);
  });
  afterAll(() => rmSync(lib, { recursive: true, force: true }));

  it('reports the page the hit is on (page 1999), not an earlier page with a near miss', () => {
    for (const query of ['fulltext:"sharp minima"', 'fulltext:quokkas']) {
      const r = runFolio(['search', '--library', lib, '--json', query]);
      expect(r.status).toBe(0);
      const [hit] = JSON.parse(r.stdout) as Array<{ page?: number; snippet?: string }>;
      expect(hit?.page).toBe(1999);
      expect(hit?.snippet).toContain('sharp minima in the landscape of quokkas');
    }
  });
});

function keysOfIn(lib: string, query: string): string[] {
  const r = runFolio(['search', '--library', lib, '--json', query]);
  if (r.status !== 0) throw new Error(r.stderr);
  return (JSON.parse(r.stdout) as Array<{ key: string }>).map((h) => h.key);
}
