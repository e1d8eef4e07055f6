import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolioError } from '../../../shared/api/api-error.ts';
import { tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import { openLibraryStore } from './open-library-store.ts';

/** The pid of a process that has already exited. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(result.stdout);
}

describe('folio.lock', () => {
  let dir = '';
  let remove = async (): Promise<void> => undefined;
  beforeEach(async () => {
    ({ dir, remove } = await tempLibraryFolder('lock'));
  });
  afterEach(async () => {
    await remove();
  });

  it('records who holds the library', async () => {
    const store = await openLibraryStore(dir, { owner: 'cli', now: () => new Date('2024-05-01T08:00:00.000Z') });
    const info = JSON.parse(await readFile(join(dir, 'folio.lock'), 'utf8')) as Record<string, unknown>;
    expect(info).toEqual({ pid: process.pid, hostname: hostname(), owner: 'cli', startedAt: '2024-05-01T08:00:00.000Z' });
    await store.close();
  });

  it('refuses a second writer with LOCKED, naming the folder and the holder', async () => {
    const first = await openLibraryStore(dir, { owner: 'electron', now: () => new Date('2024-05-01T08:00:00.000Z') });
    const second = openLibraryStore(dir, { owner: 'cli' });
    await expect(second).rejects.toBeInstanceOf(FolioError);
    await expect(second).rejects.toMatchObject({
      code: 'LOCKED',
      message: `The library ${dir} is already open in another Folio process (electron, pid ${process.pid}, since 2024-05-01T08:00:00.000Z). Close it first.`,
    });
    await first.close();
    const third = await openLibraryStore(dir, { owner: 'cli' });
    await third.close();
  });

  it('takes over a lock left by a dead process on this host', async () => {
    const pid = deadPid();
    await writeFile(join(dir, 'folio.lock'), JSON.stringify({ pid, hostname: hostname(), owner: 'cli', startedAt: '2024-01-01T00:00:00.000Z' }));
    const store = await openLibraryStore(dir, { owner: 'test' });
    const info = JSON.parse(await readFile(join(dir, 'folio.lock'), 'utf8')) as { pid: number };
    expect(info.pid).toBe(process.pid);
    await store.close();
  });

  it('refuses a lock held on another host, since its process cannot be checked', async () => {
    await writeFile(join(dir, 'folio.lock'), JSON.stringify({ pid: 1, hostname: 'other-laptop', owner: 'electron', startedAt: '2024-01-01T00:00:00.000Z' }));
    await expect(openLibraryStore(dir, { owner: 'test' })).rejects.toMatchObject({
      code: 'LOCKED',
      message: expect.stringContaining(`pid 1 on other-laptop`),
    });
  });

  it('removes the lock when the process exits without close()', async () => {
    const script = `
      const { openLibraryStore } = await import(${JSON.stringify(new URL('./open-library-store.ts', import.meta.url).href)});
      await openLibraryStore(${JSON.stringify(dir)}, { owner: 'cli' });
      process.exit(0);
    `;
    const result = spawnSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    await expect(readFile(join(dir, 'folio.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
