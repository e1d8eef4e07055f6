import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runFolio } from '../helpers/folio-cli.ts';

const work = mkdtempSync(join(tmpdir(), 'folio-cli-page-'));
const lib = join(work, 'library');
const fixture = (name: string) => join(import.meta.dirname, '../fixtures/html-meta', name);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The items as stored: the CLI closes the library cleanly, so library.json holds every change. */
function listJson(): Array<{ csl: Record<string, unknown>; metadataPending?: boolean }> {
  try {
    return (JSON.parse(readFileSync(join(lib, 'library.json'), 'utf8')) as { items: Array<{ csl: Record<string, unknown> }> }).items;
  } catch {
    return [];
  }
}

describe('folio import PAGE.html (real CLI process)', () => {
  it('imports a saved arXiv page through the page parser and names the sources in the summary line', () => {
    const page = join(work, 'arxiv.html');
    // A page saved by the browser keeps its address in a comment: relative links and the arXiv id come from it.
    writeFileSync(page, `<!-- saved from url=(0032)https://arxiv.org/abs/1706.03762 -->\n${readFileSync(fixture('arxiv-abs.html'), 'utf8')}`);
    const result = runFolio(['import', page, '--library', lib]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('Imported 1 item from arxiv.html: citation_* (7 fields)\n');
    const [item] = listJson();
    expect(item?.csl).toMatchObject({ title: 'Attention Is All You Need', archive_location: '1706.03762', issued: { 'date-parts': [[2017, 6, 12]] } });
  });

  it('lists every source found when a page has several', () => {
    const page = join(work, 'mixed.html');
    const jsonLd = '<script type="application/ld+json">{"@type":"ScholarlyArticle","name":"Mixed","author":"A. Person"}</script>';
    writeFileSync(page, readFileSync(fixture('acl-anthology.html'), 'utf8').replace('</head>', `${jsonLd}</head>`));
    const result = runFolio(['import', page, '--library', lib, '--dry-run']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Would import 1 item from mixed.html: citation_* (8 fields), JSON-LD, DC.* (3 fields)\n');
  });

  it('a Hugging Face page gives a pending item that the arXiv lookup completes later', () => {
    const page = join(work, 'hf.html');
    copyFileSync(fixture('hf-paper.html'), page);
    const result = runFolio(['import', page, '--library', lib]);
    expect(result.stdout).toBe('Imported 1 item from hf.html: Hugging Face\n');
    const hf = listJson().find((i) => i.csl.archive_location === '2305.18290');
    expect(hf).toMatchObject({ metadataPending: true, csl: { title: 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model' } });
  });

  it('a page without citation metadata is skipped with its reason, and nothing is written', () => {
    const page = join(work, 'shop.html');
    writeFileSync(page, '<!doctype html><html><head><title>Shoes</title><meta property="og:title" content="Shoes"></head></html>');
    const before = listJson().length;
    const result = runFolio(['import', page, '--library', lib]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${page}:1: skipped: the page has no citation metadata`);
    expect(result.stdout).toBe('Imported 0 items from shop.html: no citation metadata; skipped 1\n');
    expect(listJson()).toHaveLength(before);
  });
});
