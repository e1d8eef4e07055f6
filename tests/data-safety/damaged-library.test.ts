import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateBib } from '../../scripts/bench/generate-bib.ts';
import { openFolioService } from '../../electron/services/folio-service.ts';
import { runFolio } from '../helpers/folio-cli.ts';

/** A 20-item library with no backups at all, as a new user's would be. */
function libraryWithoutBackups(): string {
  const lib = mkdtempSync(join(tmpdir(), 'folio-damaged-'));
  const bib = join(lib, '..', `${lib.split('/').pop()}.bib`);
  writeFileSync(bib, generateBib(20, 4));
  expect(runFolio(['import', bib, '--library', lib]).status).toBe(0);
  rmSync(join(lib, 'backups'), { recursive: true, force: true });
  return lib;
}

function spoilLine(lib: string, pick: (lines: string[]) => number, replacement: string): { bytes: Buffer; line: number } {
  const file = join(lib, 'library.json');
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = pick(lines);
  lines[index] = replacement;
  writeFileSync(file, lines.join('\n'));
  return { bytes: readFileSync(file), line: index + 1 };
}

const itemLines = (lines: string[]): number[] => lines.map((l, i) => (l.startsWith('{"addedAt"') ? i : -1)).filter((i) => i >= 0);
const damagedFiles = (lib: string): string[] => readdirSync(lib).filter((name) => name.startsWith('library.json.damaged-'));
const listed = (stdout: string): string[] => stdout.split('\n').filter(Boolean);

describe('a damaged library.json with no backups, through the real CLI', () => {
  it('refuses to go on without --accept-salvage, saying what would be lost, and changes nothing', () => {
    const lib = libraryWithoutBackups();
    const { bytes, line } = spoilLine(lib, (lines) => itemLines(lines)[7] ?? -1, '{"id": "it_broken", "oo');
    const result = runFolio(['list', '--library', lib]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`library.json in ${lib} is damaged (it is not valid JSON`);
    expect(result.stderr).toContain(`19 item(s) and 0 collection(s) could be read from it line by line; line ${line} could not be read. No verified backup was found`);
    expect(result.stderr).toContain('Nothing was changed. To go on with what could be read, run the command again with --accept-salvage');
    expect(readFileSync(join(lib, 'library.json')).equals(bytes)).toBe(true);
    expect(damagedFiles(lib)).toEqual([]);
    expect(readdirSync(lib)).not.toContain('folio.lock');
  });

  it('with --accept-salvage keeps every readable item, keeps the damaged file byte for byte, and says so loudly', () => {
    const lib = libraryWithoutBackups();
    const { bytes, line } = spoilLine(lib, (lines) => itemLines(lines)[7] ?? -1, '{"id": "it_broken", "oo');
    const result = runFolio(['list', '--library', lib, '--accept-salvage']);
    expect(result.status, result.stderr).toBe(0);
    expect(listed(result.stdout)).toHaveLength(19);
    expect(result.stderr).toMatch(new RegExp(`warning: library\\.json could not be read as a whole: .* It was moved to library\\.json\\.damaged-\\S+ unchanged\\. 19 item\\(s\\) .*line ${line} could not be read`));
    const aside = damagedFiles(lib);
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(lib, aside[0] ?? '')).equals(bytes)).toBe(true);
    // From now on it is an ordinary library again.
    const next = runFolio(['list', '--library', lib]);
    expect(next.status, next.stderr).toBe(0);
    expect(listed(next.stdout)).toHaveLength(19);
  });

  it('never presents an empty library as if nothing happened: nothing readable means exit 1, and EMPTY said out loud when accepted', () => {
    const lib = libraryWithoutBackups();
    writeFileSync(join(lib, 'library.json'), 'this is not a library at all\n');
    const refused = runFolio(['list', '--library', lib]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Nothing in it could be read. No verified backup was found');
    const accepted = runFolio(['list', '--library', lib, '--accept-salvage']);
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.stdout).toBe('');
    expect(accepted.stderr).toContain('The library is now EMPTY: your items are only in the damaged file.');
  });

  it('salvages a BOM or Latin-1 bytes without losing anything, and without asking', () => {
    const lib = libraryWithoutBackups();
    const file = join(lib, 'library.json');
    const text = readFileSync(file, 'utf8');
    const title = /"title":"([^"]+)"/.exec(text)?.[1] ?? '';
    // An editor saved it as Latin-1 with a BOM in front: "Müller" becomes one 0xFC byte.
    const spoiled = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(title, `${title} Müller`), 'latin1')]);
    writeFileSync(file, spoiled);
    const result = runFolio(['list', '--library', lib]);
    expect(result.status, result.stderr).toBe(0);
    expect(listed(result.stdout)).toHaveLength(20);
    expect(result.stdout).toContain(`${title} Müller`);
    expect(result.stderr).toMatch(/Every line of it could still be read, so nothing was lost: 20 item\(s\).*were not UTF-8 and were read as Windows-1252/);
    expect(readFileSync(join(lib, damagedFiles(lib)[0] ?? '')).equals(spoiled)).toBe(true);
  });

  it('gives the window a salvage report in library.info(), to show as a blocking notice', async () => {
    const lib = libraryWithoutBackups();
    const { line } = spoilLine(lib, (lines) => itemLines(lines)[3] ?? -1, 'garbage');
    const service = await openFolioService(lib, 'web', { host: 'web' });
    try {
      const info = await service.api.library.info();
      expect(info.itemCount).toBe(19);
      expect(info.salvage).toMatchObject({ itemsKept: 19, itemsFromBackup: 0, unreadableLines: [line], endsEarly: false });
      expect(info.salvage?.damagedFile).toMatch(/^library\.json\.damaged-/);
      expect(info.warnings).toContain(info.salvage?.message);
    } finally {
      await service.dispose();
    }
  });
});
