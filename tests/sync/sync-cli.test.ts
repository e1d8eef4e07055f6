import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFolio } from '../helpers/folio-cli.ts';
import { doiPaper } from '../helpers/pdf-fixtures.ts';
import type { HistoryEntry } from '../../shared/api/sync-types.ts';
import { byKey, folio, importBib, items, pair, sync, tempDir } from './sync-helpers.ts';

/** Two libraries, one sync folder, the real CLI: the cases a lab meets. */

function history(library: string, key: string): HistoryEntry[] {
  return JSON.parse(folio(['history', '--library', library, '--key', key, '--json']).stdout) as HistoryEntry[];
}

const year = (item: { issued?: { 'date-parts'?: number[][] } } | undefined) => item?.issued?.['date-parts']?.[0]?.[0];

describe('folio sync between two libraries', { timeout: 400_000 }, () => {
  it('joins a second library to the folder: it gets every item', () => {
    const { a, b } = pair();
    expect(items(b).map((i) => i['citation-key'])).toEqual(['knuth1997', 'smith2020']);
    expect(items(b).map((i) => i.folio.id)).toEqual(items(a).map((i) => i.folio.id));
  });

  it('keeps both edits of different fields', () => {
    const { a, b, folder } = pair();
    folio(['item', 'set', '--library', a, '--key', 'smith2020', 'title=Laptop title']);
    folio(['item', 'set', '--library', b, '--key', 'smith2020', 'year=2021']);
    expect(sync(a, folder)).toMatchObject({ sent: expect.any(Number), conflicts: 0, devices: 2 });
    expect(sync(b, folder).conflicts).toBe(0);
    sync(a, folder);
    for (const lib of [a, b]) {
      expect(byKey(lib, 'smith2020')?.title).toBe('Laptop title');
      expect(year(byKey(lib, 'smith2020'))).toBe(2021);
    }
  });

  it('picks one value of the same field on both, and keeps the other in the history as a conflict', () => {
    const { a, b, folder } = pair();
    folio(['item', 'set', '--library', a, '--key', 'smith2020', 'title=From the laptop']);
    folio(['item', 'set', '--library', b, '--key', 'smith2020', 'title=From the desktop']);
    sync(a, folder);
    expect(sync(b, folder).conflicts).toBe(1);
    sync(a, folder);
    const titles = [byKey(a, 'smith2020')?.title, byKey(b, 'smith2020')?.title];
    expect(titles[0]).toBe(titles[1]);
    for (const lib of [a, b]) {
      const conflict = history(lib, 'smith2020').find((e) => e.field === 'title' && e.conflict);
      expect(conflict?.conflict?.state).toBe('open');
      expect([conflict?.newText, conflict?.conflict?.otherText].sort()).toEqual(['From the desktop', 'From the laptop']);
      expect(conflict?.newText).toBe(titles[0]);
    }
    const human = folio(['history', '--library', a, '--key', 'smith2020']).stdout;
    expect(human).toMatch(/conflict open/);
  });

  it('merges tags as sets: an add on one and a remove of another on the other are both kept', () => {
    const { a, b, folder } = pair();
    folio(['item', 'set', '--library', a, '--key', 'knuth1997', 'tags=classic,algorithms']);
    sync(a, folder);
    sync(b, folder);
    folio(['item', 'set', '--library', a, '--key', 'knuth1997', 'tags=classic,algorithms,toread']);
    folio(['item', 'set', '--library', b, '--key', 'knuth1997', 'tags=algorithms']);
    sync(a, folder);
    sync(b, folder);
    sync(a, folder);
    for (const lib of [a, b]) expect([...(byKey(lib, 'knuth1997')?.folio.tags ?? [])].sort()).toEqual(['algorithms', 'toread']);
  });

  it('gives a colliding key the next suffix, the item created first keeping it, and says so', () => {
    const a = join(tempDir('folio-sync-a-'), 'lib');
    const b = join(tempDir('folio-sync-b-'), 'lib');
    const folder = join(tempDir('folio-sync-folder-'), 'Sync');
    importBib(a, '@article{lee2019, title = {First made}, author = {Lee, A}, year = {2019}}\n');
    importBib(b, '@article{lee2019, title = {Made later}, author = {Lee, B}, year = {2019}}\n');
    sync(a, folder, 'Laptop');
    const result = runFolio(['sync', '--library', b, '--folder', folder, '--name', 'Desktop']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('key renamed: lee2019 -> lee2019a');
    sync(a, folder);
    for (const lib of [a, b]) {
      expect(items(lib).map((i) => [i['citation-key'], i.title])).toEqual([['lee2019', 'First made'], ['lee2019a', 'Made later']]);
    }
    expect(history(b, 'lee2019a').some((e) => e.field === 'key-renamed' && e.newValue === 'lee2019a')).toBe(true);
  });

  it('trash on one device and an edit on the other: the item is in the trash, with the edit', () => {
    const { a, b, folder } = pair();
    folio(['item', 'trash', '--library', a, '--key', 'smith2020']);
    folio(['item', 'set', '--library', b, '--key', 'smith2020', 'read=read']);
    sync(a, folder);
    sync(b, folder);
    sync(a, folder);
    for (const lib of [a, b]) {
      expect(byKey(lib, 'smith2020')).toBeUndefined();
      expect(byKey(lib, 'smith2020', true)?.folio.read).toBe('read');
    }
    folio(['item', 'restore', '--library', b, '--key', 'smith2020']);
    sync(b, folder);
    sync(a, folder);
    expect(byKey(a, 'smith2020')?.folio.read).toBe('read');
  });

  it('purge is final on every device, even against a concurrent edit', () => {
    const { a, b, folder } = pair();
    folio(['item', 'trash', '--library', a, '--key', 'knuth1997']);
    folio(['item', 'purge', '--library', a, '--key', 'knuth1997']);
    folio(['item', 'set', '--library', b, '--key', 'knuth1997', 'title=Edited meanwhile']);
    sync(b, folder);
    sync(a, folder);
    sync(b, folder);
    for (const lib of [a, b]) {
      expect(byKey(lib, 'knuth1997')).toBeUndefined();
      expect(byKey(lib, 'knuth1997', true)).toBeUndefined();
    }
  });

  it('copies a PDF to the other library through the folder, content-addressed', async () => {
    const { a, b, folder } = pair();
    const pdf = join(tempDir('folio-pdf-'), 'paper.pdf');
    writeFileSync(pdf, await doiPaper());
    folio(['import', pdf, '--library', a]);
    sync(a, folder);
    sync(b, folder);
    const doc = (lib: string) => JSON.parse(readFileSync(join(lib, 'library.json'), 'utf8')) as { items: Array<{ attachments: Array<{ path: string; sha256: string }> }> };
    const withPdf = doc(b).items.find((i) => i.attachments.length > 0);
    const attachment = withPdf?.attachments[0];
    expect(attachment).toBeDefined();
    const copied = join(b, 'attachments', attachment?.path ?? '');
    expect(existsSync(copied)).toBe(true);
    expect(readFileSync(copied).equals(readFileSync(pdf))).toBe(true);
    expect(existsSync(join(folder, 'attachments', `${attachment?.sha256}.pdf`))).toBe(true);
  });

  it('undoes yesterday\'s bulk tag removal after a restart, and the undo syncs', () => {
    const { a, b, folder } = pair();
    folio(['item', 'set', '--library', a, '--key', 'smith2020', 'tags=ml,nlp']);
    folio(['item', 'set', '--library', a, '--key', 'smith2020', 'tags=']);
    expect(byKey(a, 'smith2020')?.folio.tags).toEqual([]);
    // Each command is its own process: the undo stack comes from the disk.
    expect(folio(['undo', '--library', a]).stdout).toBe('Undid 1 change (Remove tag ml, nlp from 1 item)\n');
    expect(byKey(a, 'smith2020')?.folio.tags).toEqual(['ml', 'nlp']);
    expect(folio(['redo', '--library', a]).stdout).toMatch(/^Redid 1 change/);
    expect(byKey(a, 'smith2020')?.folio.tags).toEqual([]);
    expect(folio(['undo', '--library', a, '--steps', '2']).stdout).toBe('Undid 2 changes\n');
    expect(byKey(a, 'smith2020')?.folio.tags).toEqual([]);
    folio(['redo', '--library', a]);
    expect(byKey(a, 'smith2020')?.folio.tags).toEqual(['ml', 'nlp']);
    sync(a, folder);
    sync(b, folder);
    expect(byKey(b, 'smith2020')?.folio.tags).toEqual(['ml', 'nlp']);
    expect(folio(['undo', '--library', b]).stdout).toBe('Nothing to undo\n');
  });

  it('rejects an unknown field or a bad value with exit 2, naming it', () => {
    const { a } = pair();
    const unknown = runFolio(['item', 'set', '--library', a, '--key', 'smith2020', 'colour=red']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown field "colour"');
    const bad = runFolio(['item', 'set', '--library', a, '--key', 'smith2020', 'read=skimmed']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('read must be unread, reading or read');
  });
});
