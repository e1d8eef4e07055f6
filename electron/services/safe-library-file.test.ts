import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkedPathInsideRoot, makeDirInsideRoot, openInsideRoot, pathInsideRoot, readInsideRoot, removeInsideRoot } from './safe-library-file.ts';

let base: string;
let root: string;
let outside: string;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'folio-safe-'));
  root = join(base, 'library', 'attachments');
  outside = join(base, 'outside');
  mkdirSync(join(root, 'it_1'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, 'it_1', 'a.pdf'), '%PDF-inside');
  writeFileSync(join(outside, 'secret.pdf'), 'secret');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('reading files inside a root', () => {
  it('reads a regular file, and follows a link that stays inside', async () => {
    expect((await readInsideRoot(root, 'it_1/a.pdf', 100)).toString()).toBe('%PDF-inside');
    symlinkSync('a.pdf', join(root, 'it_1', 'same.pdf'));
    expect((await readInsideRoot(root, 'it_1/same.pdf', 100)).toString()).toBe('%PDF-inside');
    expect(await checkedPathInsideRoot(root, 'it_1/same.pdf')).toBe(realpathSync(join(root, 'it_1', 'a.pdf')));
  });

  it('refuses names that leave the root before touching the disk', () => {
    for (const bad of ['../library.json', 'it_1/../../x', '/etc/passwd', '', '.', 'it_1/\0.pdf']) {
      expect(() => pathInsideRoot(root, bad), JSON.stringify(bad)).toThrow(/leaves the attachments folder/);
    }
  });

  it('refuses links out of the root: file, folder, the root itself, and link loops', async () => {
    symlinkSync(join(outside, 'secret.pdf'), join(root, 'it_1', 'out.pdf'));
    await expect(readInsideRoot(root, 'it_1/out.pdf', 100)).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'attachments/it_1/out.pdf leads outside the attachments folder' });
    symlinkSync(outside, join(root, 'it_2'));
    await expect(readInsideRoot(root, 'it_2/secret.pdf', 100)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    symlinkSync('loop.pdf', join(root, 'it_1', 'loop.pdf'));
    await expect(readInsideRoot(root, 'it_1/loop.pdf', 100)).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/loop of links/) });

    const moved = join(base, 'moved');
    execFileSync('mv', [root, moved]);
    symlinkSync(moved, root);
    await expect(readInsideRoot(root, 'it_1/a.pdf', 100)).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/attachments folder is a link/) });
  });

  it('allows a library folder reached through a link (only the root itself must be real)', async () => {
    const linkedLibrary = join(base, 'linked-library');
    symlinkSync(join(base, 'library'), linkedLibrary);
    expect((await readInsideRoot(join(linkedLibrary, 'attachments'), 'it_1/a.pdf', 100)).toString()).toBe('%PDF-inside');
  });

  it('refuses FIFOs, devices and folders without opening them, and missing files as NOT_FOUND', async () => {
    execFileSync('mkfifo', [join(root, 'it_1', 'fifo.pdf')]);
    await expect(readInsideRoot(root, 'it_1/fifo.pdf', 100)).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'attachments/it_1/fifo.pdf is a FIFO, not a regular file' });
    execFileSync('mknod', [join(root, 'it_1', 'zero.pdf'), 'c', '1', '5']);
    await expect(readInsideRoot(root, 'it_1/zero.pdf', 100)).rejects.toMatchObject({ message: 'attachments/it_1/zero.pdf is a device, not a regular file' });
    await expect(readInsideRoot(root, 'it_1', 100)).rejects.toMatchObject({ message: 'attachments/it_1 is a folder, not a regular file' });
    await expect(readInsideRoot(root, 'it_1/none.pdf', 100)).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'attachments/it_1/none.pdf is missing' });
  });

  it('refuses a file over the bound, and reads no more than the size it had when opened', async () => {
    await expect(readInsideRoot(root, 'it_1/a.pdf', 5)).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/too large/) });
    const file = await openInsideRoot(root, 'it_1/a.pdf', 100);
    try {
      writeFileSync(join(root, 'it_1', 'a.pdf'), '%PDF-inside and then much more');
      expect(file.size).toBe('%PDF-inside'.length);
    } finally {
      await file.handle.close();
    }
    truncateSync(join(root, 'it_1', 'a.pdf'), 10 * 1024 * 1024 * 1024);
    await expect(readInsideRoot(root, 'it_1/a.pdf', 1024)).rejects.toMatchObject({ message: expect.stringMatching(/10240 MB; the limit is 1 MB/) });
  });
});

describe('writing and deleting inside a root', () => {
  it('deletes a regular file and its emptied folder', async () => {
    expect(await removeInsideRoot(root, 'it_1/a.pdf')).toBe(true);
    expect(existsSync(join(root, 'it_1'))).toBe(false);
    expect(await removeInsideRoot(root, 'it_1/a.pdf')).toBe(false);
  });

  it('follows no link when deleting, even one that stays inside', async () => {
    symlinkSync(outside, join(root, 'it_2'));
    writeFileSync(join(outside, 'a.pdf'), 'victim');
    await expect(removeInsideRoot(root, 'it_2/a.pdf')).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/attachments\/it_2 is a link/) });
    expect(readFileSync(join(outside, 'a.pdf'), 'utf8')).toBe('victim');

    symlinkSync('a.pdf', join(root, 'it_1', 'b.pdf'));
    await expect(removeInsideRoot(root, 'it_1/b.pdf')).rejects.toMatchObject({ message: 'attachments/it_1/b.pdf is a symbolic link, not a regular file: left in place' });
    expect(lstatSync(join(root, 'it_1', 'a.pdf')).isFile()).toBe(true);
    execFileSync('mkfifo', [join(root, 'it_1', 'fifo.pdf')]);
    await expect(removeInsideRoot(root, 'it_1/fifo.pdf')).rejects.toMatchObject({ message: expect.stringMatching(/FIFO/) });
  });

  it('creates folders segment by segment and refuses a linked one', async () => {
    expect(await makeDirInsideRoot(root, 'it_3')).toBe(join(realpathSync(root), 'it_3'));
    symlinkSync(outside, join(root, 'it_4'));
    await expect(makeDirInsideRoot(root, 'it_4')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(makeDirInsideRoot(root, '../escape')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    rmSync(root, { recursive: true });
    expect(await makeDirInsideRoot(root, 'it_5')).toBe(join(realpathSync(root), 'it_5'));
  });
});
