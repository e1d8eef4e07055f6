import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runFolio } from '../helpers/folio-cli.ts';

function library(): string {
  const lib = mkdtempSync(join(tmpdir(), 'folio-odd-'));
  writeFileSync(join(lib, 'x.bib'), '@misc{k1, title={One}}');
  return lib;
}

/** The real CLI with a deadline, so a hang fails this test instead of the whole run. */
function runWithDeadline(args: string[]): { status: number | null; stderr: string; signal: NodeJS.Signals | null } {
  const result = spawnSync(process.execPath, ['--no-warnings', 'electron/cli/folio.ts', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stderr: result.stderr, signal: result.signal };
}

describe('library.json that is not a plain file, through the real CLI', () => {
  it('refuses a FIFO at once with a sentence, and leaves no folio.lock behind', () => {
    const lib = library();
    execFileSync('mkfifo', [join(lib, 'library.json')]);
    const result = runWithDeadline(['list', '--library', lib]);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/library\.json in .* is a named pipe \(FIFO\), not a plain file, so the library was not opened/);
    expect(existsSync(join(lib, 'folio.lock'))).toBe(false);
  });

  it('refuses a FIFO in place of library.journal or folio.lock too', () => {
    for (const name of ['library.journal', 'folio.lock']) {
      const lib = library();
      execFileSync('mkfifo', [join(lib, name)]);
      const result = runWithDeadline(['list', '--library', lib]);
      expect(result.signal, name).toBeNull();
      expect(result.status, name).toBe(1);
      expect(result.stderr).toContain(`${name} in ${lib} is a named pipe (FIFO)`);
    }
  });

  it('refuses a symbolic link instead of replacing it with a plain file, and keeps the link and its target', () => {
    const lib = library();
    expect(runFolio(['import', join(lib, 'x.bib'), '--library', lib]).status).toBe(0);
    const elsewhere = mkdtempSync(join(tmpdir(), 'folio-odd-target-'));
    const target = join(elsewhere, 'real-library.json');
    execFileSync('mv', [join(lib, 'library.json'), target]);
    symlinkSync(target, join(lib, 'library.json'));
    const before = readFileSync(target);
    const result = runFolio(['import', join(lib, 'x.bib'), '--library', lib]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/library\.json in .* is a symbolic link, not a plain file, so the library was not opened\. Folio saves library\.json by writing a new file/);
    expect(lstatSync(join(lib, 'library.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target).equals(before)).toBe(true);
  });

  it('names a folder in place of library.json in a sentence, not a bare EISDIR', () => {
    const lib = library();
    mkdirSync(join(lib, 'library.json'));
    const result = runFolio(['list', '--library', lib]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^folio list: library\.json in .* is a folder, not a plain file, so the library was not opened\. Folio reads and writes library\.json only as a plain file\. Move it out/);
    expect(result.stderr).not.toContain('EISDIR');
  });
});
