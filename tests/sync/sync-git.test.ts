import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byKey, folio, importBib, BIB, items, sync, tempDir } from './sync-helpers.ts';

/** A git repository as the sync folder: each device only adds its own files, so merges never conflict. */

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Folio Test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
}

function publish(clone: string, message: string): void {
  git(clone, 'add', '-A');
  git(clone, 'commit', '-q', '--allow-empty', '-m', message);
  git(clone, 'pull', '-q', '--no-rebase', '--no-edit', 'origin', 'main');
  git(clone, 'push', '-q', 'origin', 'HEAD:main');
}

describe('a git repository as the sync folder', { timeout: 400_000 }, () => {
  it('two clones through a bare repository: no merge conflicts, the same library', () => {
    const root = tempDir('folio-git-');
    const bare = join(root, 'library.git');
    git(root, 'init', '-q', '--bare', bare);
    const seed = join(root, 'seed');
    git(root, 'clone', '-q', bare, seed);
    git(seed, 'commit', '-q', '--allow-empty', '-m', 'start');
    git(seed, 'push', '-q', 'origin', 'HEAD:main');
    const cloneA = join(root, 'a');
    const cloneB = join(root, 'b');
    git(root, 'clone', '-q', '-b', 'main', bare, cloneA);
    git(root, 'clone', '-q', '-b', 'main', bare, cloneB);
    const libA = join(root, 'libA');
    const libB = join(root, 'libB');

    importBib(libA, BIB);
    sync(libA, cloneA, 'Laptop');
    publish(cloneA, 'laptop joins');
    git(cloneB, 'pull', '-q', '--no-rebase', 'origin', 'main');
    sync(libB, cloneB, 'Desktop');
    publish(cloneB, 'desktop joins');

    // Both edit before either pulls: two commits that git must merge.
    folio(['item', 'set', '--library', libA, '--key', 'smith2020', 'title=Laptop title', 'tags=ml']);
    sync(libA, cloneA);
    publish(cloneA, 'laptop edits');
    folio(['item', 'set', '--library', libB, '--key', 'knuth1997', 'read=read']);
    folio(['item', 'set', '--library', libB, '--key', 'smith2020', 'year=2022']);
    sync(libB, cloneB);
    publish(cloneB, 'desktop edits');
    expect(git(cloneB, 'status', '--porcelain')).toBe('');
    git(cloneA, 'pull', '-q', '--no-rebase', 'origin', 'main');
    sync(libA, cloneA);
    publish(cloneA, 'laptop merges');
    git(cloneB, 'pull', '-q', '--no-rebase', 'origin', 'main');
    sync(libB, cloneB);

    expect(git(cloneA, 'log', '--merges', '--oneline').trim()).not.toBe('');
    const strip = (lib: string) => items(lib).map((i) => ({ key: i['citation-key'], title: i.title, issued: i.issued, tags: i.folio.tags, read: i.folio.read }));
    expect(strip(libB)).toEqual(strip(libA));
    expect(byKey(libA, 'smith2020')).toMatchObject({ title: 'Laptop title', issued: { 'date-parts': [[2022]] }, folio: { tags: ['ml'] } });
    expect(byKey(libA, 'knuth1997')?.folio.read).toBe('read');
  });
});
