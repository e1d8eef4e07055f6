import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBib } from './generate-bib.ts';
import { round } from './measure.ts';

/** JabRef's own import+export of the same generated file, when `jabref` is installed (apt-get install jabref). */
export async function benchJabref(size: number): Promise<{ importExportMs: number } | { skipped: string }> {
  const which = spawnSync('sh', ['-c', 'command -v jabref'], { encoding: 'utf8' });
  if (which.status !== 0) return { skipped: 'jabref not installed (apt-get install jabref)' };
  const dir = mkdtempSync(join(tmpdir(), 'folio-jabref-'));
  const input = join(dir, 'in.bib');
  const output = join(dir, 'out.bib');
  writeFileSync(input, generateBib(size));
  const start = performance.now();
  const run = spawnSync('jabref', ['-n', '-i', `${input},bibtex`, '-o', output], { encoding: 'utf8', timeout: 600_000 });
  const ms = round(performance.now() - start);
  if (!existsSync(output)) return { skipped: `jabref failed: ${run.stderr.slice(0, 300)}` };
  return { importExportMs: ms };
}
