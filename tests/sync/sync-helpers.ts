import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runFolio, type CliResult } from '../helpers/folio-cli.ts';

/** Two libraries and the sync folders they use, driven through the real CLI. */

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function folio(args: string[]): CliResult {
  const result = runFolio(args);
  expect(result.status, `folio ${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result;
}

export interface Exchange {
  sent: number;
  received: number;
  conflicts: number;
  devices: number;
}

export function sync(library: string, folder: string, name?: string): Exchange {
  const result = folio(['sync', '--library', library, '--folder', folder, ...(name ? ['--name', name] : [])]);
  const match = /^sent (\d+), received (\d+), conflicts (\d+), devices (\d+)\n$/.exec(result.stdout);
  expect(match, result.stdout).not.toBeNull();
  const [, sent, received, conflicts, devices] = (match as RegExpExecArray).map(Number);
  return { sent: sent as number, received: received as number, conflicts: conflicts as number, devices: devices as number };
}

export function importBib(library: string, bib: string): void {
  const file = join(tempDir('folio-bib-'), 'in.bib');
  writeFileSync(file, bib);
  folio(['import', file, '--library', library]);
}

export interface ListedItem {
  'citation-key': string;
  title?: string;
  issued?: { 'date-parts'?: number[][] };
  folio: { id: string; tags: string[]; read: string; trashedAt?: string | null; attachments?: Array<{ path: string; sha256: string }> };
}

export function items(library: string, trash = false): ListedItem[] {
  const result = folio(['list', '--library', library, '--json', ...(trash ? ['--trash'] : [])]);
  return (JSON.parse(result.stdout) as ListedItem[]).sort((a, b) => (a['citation-key'] < b['citation-key'] ? -1 : 1));
}

export function byKey(library: string, key: string, trash = false): ListedItem | undefined {
  return items(library, trash).find((i) => i['citation-key'] === key);
}

export const BIB = `@article{smith2020,
  title = {Attention Things},
  author = {Smith, John},
  year = {2020},
  journal = {JMLR}
}
@book{knuth1997,
  title = {The Art of Computer Programming},
  author = {Knuth, Donald},
  publisher = {Addison-Wesley}, year = {1997}
}
`;

/** Library A with BIB, joined to a new folder; library B joined after it (so both hold the same items). */
export function pair(): { a: string; b: string; folder: string } {
  const a = join(tempDir('folio-sync-a-'), 'lib');
  const b = join(tempDir('folio-sync-b-'), 'lib');
  const folder = join(tempDir('folio-sync-folder-'), 'Sync');
  importBib(a, BIB);
  sync(a, folder, 'Laptop');
  sync(b, folder, 'Desktop');
  return { a, b, folder };
}
