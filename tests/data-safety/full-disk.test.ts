import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBib } from '../../scripts/bench/generate-bib.ts';
import { runFolio } from '../helpers/folio-cli.ts';

// A real, small file system that fills up: tmpfs, as the tests run as root (CI too). No mount, no test: fail loudly.
const mountPoint = mkdtempSync(join(tmpdir(), 'folio-full-disk-'));
const lib = join(mountPoint, 'lib');
const filler = join(mountPoint, 'filler');
const inputs = mkdtempSync(join(tmpdir(), 'folio-full-disk-inputs-'));

function freeBytes(): number {
  const s = statfsSync(mountPoint);
  return s.bavail * s.bsize;
}

/** Leaves about `bytes` free on the tmpfs. */
function leaveFree(bytes: number): void {
  rmSync(filler, { force: true });
  const size = freeBytes() - bytes;
  if (size > 0) writeFileSync(filler, Buffer.alloc(size));
}

function list(): { status: number | null; keys: string[]; stderr: string } {
  const result = runFolio(['list', '--library', lib]);
  return { status: result.status, keys: result.stdout.split('\n').filter(Boolean), stderr: result.stderr };
}

/** Bytes that many generated entries add to library.json, measured on an ordinary disk. */
function itemBytes(bib: string): number {
  const scratch = mkdtempSync(join(tmpdir(), 'folio-full-disk-measure-'));
  writeFileSync(join(scratch, 'x.bib'), bib);
  expect(runFolio(['list', '--library', scratch]).status).toBe(0);
  const empty = statSync(join(scratch, 'library.json')).size;
  expect(runFolio(['import', join(scratch, 'x.bib'), '--library', scratch]).status).toBe(0);
  const size = statSync(join(scratch, 'library.json')).size - empty;
  rmSync(scratch, { recursive: true, force: true });
  return size;
}

describe('a full disk, on a real 8 MB tmpfs, through the real CLI', () => {
  beforeAll(() => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint]);
    mkdirSync(lib);
    writeFileSync(join(inputs, 'eleven.bib'), generateBib(11, 5).replace(/@(\w+)\{gen/g, '@$1{eleven'));
    // 2,500 entries are ~9 MB of items: more than the whole disk.
    writeFileSync(join(inputs, 'many.bib'), generateBib(2_500, 9));
    writeFileSync(join(inputs, 'some.bib'), generateBib(500, 13));
    const first = runFolio(['import', join(inputs, 'eleven.bib'), '--library', lib]);
    expect(first.status, first.stderr).toBe(0);
  });

  afterAll(() => {
    execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
    rmSync(inputs, { recursive: true, force: true });
  });

  it('refuses an import that does not fit: a clear message, exit 1, no success line, the library as it was', () => {
    const before = readFileSync(join(lib, 'library.json'));
    leaveFree(64 * 1024);
    const result = runFolio(['import', join(inputs, 'many.bib'), '--library', lib]);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('Could not save library.journal: the disk is full (ENOSPC). The change was not made');
    expect(result.stdout).not.toMatch(/Imported/);
    expect(readFileSync(join(lib, 'library.json')).equals(before)).toBe(true);
    expect(readdirSync(lib).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('still lists the library on a disk with no space left at all', () => {
    leaveFree(0);
    const result = list();
    expect(result.status, result.stderr).toBe(0);
    expect(result.keys).toHaveLength(11);
  });

  it('prints success only for what is durable: the journal holds an import that library.json had no room for', () => {
    const size = itemBytes(readFileSync(join(inputs, 'some.bib'), 'utf8'));
    expect(size * 1.8).toBeLessThan(freeBytes() + statSync(filler).size);
    // Room for the journal record, not for library.json's temp copy beside it. The journal holds whole items,
    // about 1.5 times what they add to library.json, where CSL that the BibTeX source gives back is not repeated.
    leaveFree(Math.round(size * 1.8));
    const result = runFolio(['import', join(inputs, 'some.bib'), '--library', lib]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Imported 500 items/);
    expect(result.stderr).toMatch(/warning: library\.json could not be updated \(the disk is full \(ENOSPC\)\)\. Every change is safe in library\.journal/);

    leaveFree(0);
    const full = list();
    expect(full.status, full.stderr).toBe(0);
    expect(full.keys).toHaveLength(511);

    rmSync(filler, { force: true });
    const freed = list();
    expect(freed.status, freed.stderr).toBe(0);
    expect(freed.keys).toHaveLength(511);
    expect(freed.stderr).not.toMatch(/could not be updated/);
    expect(statSync(join(lib, 'library.journal')).size).toBe(0);
  });

  it('on a read-only file system (EROFS): list still works, an import is refused with a sentence and exit 1', () => {
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    try {
      const listed = list();
      expect(listed.status, listed.stderr).toBe(0);
      expect(listed.keys).toHaveLength(511);
      expect(listed.stderr).toMatch(/The disk is read-only \(EROFS\), so the library was opened read-only/);
      const result = runFolio(['import', join(inputs, 'eleven.bib'), '--library', lib]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^folio import: Could not open the library .*: the disk is read-only \(EROFS\) \(at folio.lock\)/);
      expect(result.stdout).toBe('');
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
    }
  });
});
