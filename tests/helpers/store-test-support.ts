import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh library folder under the OS temp dir; remove() deletes it. */
export async function tempLibraryFolder(label: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `folio-${label}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function journalLines(dir: string): Promise<string[]> {
  try {
    return (await readFile(join(dir, 'library.journal'), 'utf8')).split('\n').filter((line) => line.length > 0);
  } catch {
    return [];
  }
}

export async function tempFilesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  const nested = names.includes('backups') ? (await readdir(join(dir, 'backups'))).map((n) => `backups/${n}`) : [];
  return [...names, ...nested].filter((name) => name.includes('.tmp-'));
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
