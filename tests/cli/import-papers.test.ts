import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFolio } from '../helpers/folio-cli.ts';
import { arxivPaper, doiPaper, infoTitlePaper } from '../helpers/pdf-fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'folio-cli-papers-'));
const lib = join(work, 'library');
const papers = join(work, 'papers');
const listing = join(work, 'hf.txt');

function rows(): string[] {
  const result = runFolio(['list', '--library', lib]);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.split('\n').filter(Boolean);
}

function storedPdfs(): string[] {
  const root = join(lib, 'attachments');
  return existsSync(root) ? readdirSync(root, { recursive: true }).map(String).filter((p) => p.endsWith('.pdf')) : [];
}

beforeAll(async () => {
  mkdirSync(papers);
  writeFileSync(join(papers, 'he.pdf'), await doiPaper());
  writeFileSync(join(papers, 'dpo.pdf'), await arxivPaper());
  writeFileSync(join(papers, 'rag.pdf'), await infoTitlePaper());
  writeFileSync(join(papers, 'readme-not-a.pdf'), 'This is a text file with a .pdf name.\n');
  copyFileSync(join(import.meta.dirname, '../fixtures/listing/hf-papers-generalization.txt'), listing);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('folio import with listings and PDFs (real CLI process)', () => {
  it('--dry-run names what a folder of PDFs would add and writes nothing', () => {
    const result = runFolio(['import', papers, '--library', lib, '--dry-run']);
    expect(result.stdout).toContain('would add: Direct Preference Optimization: Your Language Model is Secretly a Reward Model');
    expect(result.stdout).toContain('would add: A Survey of Retrieval-Augmented Generation');
    expect(result.stdout).toContain('Would import 3 items');
    expect(result.stderr).toContain('readme-not-a.pdf:0: skipped: not a PDF (no %PDF- header)');
    expect(result.status).toBe(2);
    expect(rows()).toEqual([]);
    expect(storedPdfs()).toEqual([]);
  });

  it('imports a folder of PDFs, skipping the broken one with its reason, and recognises them the second time', () => {
    const first = runFolio(['import', papers, '--library', lib]);
    expect(first.stdout).toContain('Imported 3 items');
    expect(first.stderr).toContain('readme-not-a.pdf:0: skipped: not a PDF (no %PDF- header)');
    expect(first.status).toBe(2);
    expect(rows()).toHaveLength(3);
    expect(storedPdfs()).toHaveLength(3);

    const again = runFolio(['import', join(papers, 'he.pdf'), '--library', lib]);
    expect(again.stderr).toMatch(/he\.pdf:0: skipped: the same file is already in the library \(hedeep\)/);
    expect(storedPdfs()).toHaveLength(3);
  });

  it('imports a pasted Hugging Face listing (.txt) alongside', () => {
    const result = runFolio(['import', listing, '--library', lib]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Imported 103 items from hf.txt');
    expect(rows()).toHaveLength(106);
  });
});
