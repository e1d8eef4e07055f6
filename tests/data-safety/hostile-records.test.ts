import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFolio } from '../helpers/folio-cli.ts';

function library(): string {
  return mkdtempSync(join(tmpdir(), 'folio-hostile-'));
}

function keys(lib: string): string[] {
  const result = runFolio(['list', '--library', lib]);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.split('\n').filter(Boolean).map((line) => line.split('\t')[0] ?? '');
}

describe('hostile records through the real CLI', () => {
  it('rejects a CSL-JSON record nested 5,000 levels deep at the door, naming the file and record, and imports the rest', () => {
    const lib = library();
    const file = join(lib, '..', `${lib.split('/').pop()}-deep.json`);
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    writeFileSync(file, `[\n{"id":"good1","type":"article","title":"Fine"},\n{"id":"d","type":"article","title":"t","x":${deep}},\n{"id":"good2","type":"book","title":"Also fine"}\n]`);
    const result = runFolio(['import', file, '--library', lib]);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/-deep\.json:3: skipped d: .*"x\.a\.a.*" is nested more than 32 levels deep/);
    expect(result.stdout).toMatch(/Imported 2 items .*; skipped 1/);
    expect(keys(lib).sort()).toEqual(['good1', 'good2']);
    // The write path is not poisoned: the next import saves too.
    const next = join(lib, 'next.bib');
    writeFileSync(next, '@misc{later, title={Later}}');
    expect(runFolio(['import', next, '--library', lib]).status).toBe(0);
    expect(keys(lib).sort()).toEqual(['good1', 'good2', 'later']);
  });

  it('rejects a field too long for one record, whatever the format, and never ends with exit 13', () => {
    const lib = library();
    const file = join(lib, '..', `${lib.split('/').pop()}-huge.bib`);
    writeFileSync(file, `@misc{small, title={Small}}\n@misc{huge, title={Huge}, abstract={${'x'.repeat(33 * 1024 * 1024)}}}\n`);
    const result = runFolio(['import', file, '--library', lib]);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/-huge\.bib:2: skipped huge: .*longer than 33554432 characters/);
    expect(keys(lib)).toEqual(['small']);
  });
});
