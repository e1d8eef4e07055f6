import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBib } from '../../scripts/bench/generate-bib.ts';
import { repoRoot, runFolio } from '../helpers/folio-cli.ts';

/** `folio … | head -n 1` in bash with pipefail: folio's own exit status and stderr, after its reader went away. */
function pipedToHead(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const quoted = args.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const script = `set -o pipefail; "${process.execPath}" --no-warnings electron/cli/folio-bin.js ${quoted} | head -n 1`;
  const result = spawnSync('bash', ['-c', script], { cwd: repoRoot, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('output piped into a reader that stops early (folio list | head)', () => {
  let dir = '';
  let library = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-closed-output-'));
    library = join(dir, 'library');
    // 3,000 items: far more output than a pipe holds, so folio is still writing when head has gone.
    writeFileSync(join(dir, 'in.bib'), generateBib(3_000));
    expect(runFolio(['import', join(dir, 'in.bib'), '--library', library]).status).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ends quietly with exit 0 for list, search and an export to stdout', () => {
    for (const args of [['list', '--library', library], ['search', '--library', library, 'learning', '--limit', '3000'], ['export', '--format', 'bibtex', '--library', library]]) {
      const result = pipedToHead(args);
      expect(result.stdout.split('\n').filter((l) => l !== '')).toHaveLength(1);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    }
  });

  it('leaves the library usable: the lock is released and a later command reads every item', () => {
    pipedToHead(['list', '--library', library]);
    const listed = runFolio(['list', '--json', '--library', library]);
    expect(listed.status).toBe(0);
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(3_000);
  });
});
