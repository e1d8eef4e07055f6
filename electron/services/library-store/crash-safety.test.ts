import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestItem } from '../../../tests/helpers/store-items.ts';
import { tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import { openLibraryStore } from './open-library-store.ts';

const CHILD = fileURLToPath(new URL('../../../tests/helpers/store-crash-child.ts', import.meta.url));

/** Runs the committing child until it has acknowledged `killAfter` commits (+ a little), SIGKILLs it, and returns the highest count it acknowledged. */
function runAndKill(dir: string, killAfter: number, extraMs: number, mode: { batch: number; whole: boolean } = { batch: 20, whole: false }): Promise<number> {
  return new Promise((resolve, reject) => {
    const args = [CHILD, dir, String(mode.batch), ...(mode.whole ? ['whole'] : [])];
    const child = spawn(process.execPath, ['--no-warnings', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acknowledged = -1;
    let seen = 0;
    let stderr = '';
    let buffered = '';
    let killing = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^committed (\d+)$/.exec(line);
        if (!match) continue;
        acknowledged = Math.max(acknowledged, Number(match[1]));
        seen++;
        if (seen >= killAfter && !killing) {
          killing = true;
          setTimeout(() => child.kill('SIGKILL'), extraMs);
        }
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended without being killed: ${stderr}`));
      else resolve(acknowledged);
    });
  });
}

describe('crash safety', () => {
  let dir = '';
  let remove = async (): Promise<void> => undefined;
  beforeAll(async () => {
    ({ dir, remove } = await tempLibraryFolder('crash'));
  });
  afterAll(async () => {
    await remove();
  });

  // Each round continues the same library, so later rounds also crash during bigger compactions.
  // Measured: about a third of these kills land while library.json or the journal is being rewritten.
  const killPoints: Array<[number, number]> = [[2, 0], [3, 5], [4, 1], [5, 9], [3, 2], [6, 4], [2, 7], [4, 3]];
  for (const [killAfter, extraMs] of killPoints) {
    it(`holds every acknowledged commit after a SIGKILL (after ${killAfter} commits + ${extraMs} ms)`, async () => {
      const acknowledged = await runAndKill(dir, killAfter, extraMs);
      expect(acknowledged).toBeGreaterThan(0);
      const text = await readFile(join(dir, 'library.json'), 'utf8');
      expect(() => JSON.parse(text)).not.toThrow();

      const store = await openLibraryStore(dir, { owner: 'test' });
      expect(store.itemCount()).toBeGreaterThanOrEqual(acknowledged);
      for (let n = 0; n < acknowledged; n++) expect(store.getItem(makeTestItem(n).id)?.citationKey).toBe(makeTestItem(n).citationKey);
      await store.close();
    }, 30_000);
  }
});

describe('crash safety of a large commit written as a new library.json', () => {
  let dir = '';
  let remove = async (): Promise<void> => undefined;
  beforeAll(async () => {
    ({ dir, remove } = await tempLibraryFolder('crash-whole'));
  });
  afterAll(async () => {
    await remove();
  });

  // 500 items of ~1.5 KB a commit, each written whole: the kills land while the growing library.json is being written.
  const BATCH = 500;
  const killPoints: Array<[number, number]> = [[1, 0], [1, 15], [2, 5], [1, 40], [2, 25], [1, 80]];
  for (const [killAfter, extraMs] of killPoints) {
    it(`leaves the old or the new library, never half of one (after ${killAfter} commits + ${extraMs} ms)`, async () => {
      const acknowledged = await runAndKill(dir, killAfter, extraMs, { batch: BATCH, whole: true });
      expect(acknowledged).toBeGreaterThan(0);
      // Nothing went through the journal: library.json alone holds every acknowledged commit.
      expect((await readFile(join(dir, 'library.journal'), 'utf8').catch(() => '')).length).toBe(0);
      const onDisk = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as { items: unknown[] };
      expect(onDisk.items.length % BATCH).toBe(0);
      expect(onDisk.items.length).toBeGreaterThanOrEqual(acknowledged);

      const store = await openLibraryStore(dir, { owner: 'test' });
      expect(store.itemCount()).toBe(onDisk.items.length);
      for (let n = 0; n < acknowledged; n += 97) expect(store.getItem(makeTestItem(n).id)?.citationKey).toBe(makeTestItem(n).citationKey);
      await store.close();
      expect((await readdir(dir)).filter((name) => name.includes('.tmp-'))).toEqual([]);
    }, 60_000);
  }
});

