import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doiPaper } from '../helpers/pdf-fixtures.ts';
import { generateNode, propagate, rest, startNode, stopNode, until, writeConfig, type SyncthingNode } from '../helpers/syncthing.ts';
import { BIB, byKey, folio, importBib, items, sync, tempDir } from './sync-helpers.ts';

/** Two real Syncthing instances carry the sync folder between two Folio libraries. */

const FOLDER_ID = 'folio-sync';

describe('through Syncthing', { timeout: 600_000 }, () => {
  const nodes: SyncthingNode[] = [];
  afterAll(async () => {
    for (const node of nodes) await stopNode(node);
  });

  it('edits on both libraries converge, PDFs included', async () => {
    const root = tempDir('folio-syncthing-');
    const one = await generateNode(root, 'one');
    const two = await generateNode(root, 'two');
    nodes.push(one, two);
    writeConfig(one, two, FOLDER_ID);
    writeConfig(two, one, FOLDER_ID);
    startNode(one);
    startNode(two);
    await until('both instances to connect', async () => {
      const connections = await rest<{ connections: Record<string, { connected: boolean }> }>(one, '/rest/system/connections');
      return connections.connections[two.deviceId]?.connected === true;
    });
    const libA = join(root, 'libA');
    const libB = join(root, 'libB');
    const syncA = join(one.folder, 'Folio');
    const syncB = join(two.folder, 'Folio');

    importBib(libA, BIB);
    const pdf = join(root, 'paper.pdf');
    writeFileSync(pdf, await doiPaper());
    folio(['import', pdf, '--library', libA]);
    sync(libA, syncA, 'Laptop');
    await propagate(one, two, FOLDER_ID);
    sync(libB, syncB, 'Desktop');
    expect(items(libB).length).toBe(3);

    folio(['item', 'set', '--library', libA, '--key', 'smith2020', 'title=Edited on the laptop']);
    folio(['item', 'set', '--library', libB, '--key', 'knuth1997', 'tags=classic', 'read=reading']);
    sync(libA, syncA);
    sync(libB, syncB);
    await propagate(one, two, FOLDER_ID);
    await propagate(two, one, FOLDER_ID);
    sync(libA, syncA);
    sync(libB, syncB);

    const view = (lib: string) => items(lib).map((i) => ({ key: i['citation-key'], title: i.title, tags: i.folio.tags, read: i.folio.read }));
    expect(view(libB)).toEqual(view(libA));
    expect(byKey(libB, 'smith2020')?.title).toBe('Edited on the laptop');
    expect(byKey(libA, 'knuth1997')?.folio).toMatchObject({ tags: ['classic'], read: 'reading' });
    const doc = JSON.parse(readFileSync(join(libB, 'library.json'), 'utf8')) as { items: Array<{ attachments: Array<{ path: string }> }> };
    const attachment = doc.items.flatMap((i) => i.attachments)[0];
    expect(attachment).toBeDefined();
    const copied = join(libB, 'attachments', attachment?.path ?? '');
    expect(existsSync(copied) && readFileSync(copied).equals(readFileSync(pdf))).toBe(true);
    // The engine never saw two devices write one file, so it made no conflict copies.
    const conflicts = await rest<unknown[]>(one, `/rest/db/browse?folder=${FOLDER_ID}&levels=5`);
    expect(JSON.stringify(conflicts)).not.toContain('sync-conflict');
  });
});
