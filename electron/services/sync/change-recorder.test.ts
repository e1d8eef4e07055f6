import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFolioService } from '../folio-service.ts';
import { changesDir } from './changes-files.ts';
import { readReplicaFile } from './replica-file.ts';

const ENTRIES = 5_001;
const bib = Array.from({ length: ENTRIES }, (_, i) => `@misc{k${i}, title = {Title ${i}}}\n`).join('');

describe('the change log of a one-shot command', { timeout: 120_000 }, () => {
  it('leaves the replica snapshot to the next long-lived process, which rebuilds the replica from the log', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'folio-recorder-')), 'lib');
    const cli = await openFolioService(folder, 'cli', { host: 'web', search: { inThread: true }, oneShot: true });
    const report = await cli.importWithOptions({ text: bib, fileName: 'many.bib' }, {});
    expect(report.imported).toBe(ENTRIES);
    await cli.dispose();
    // More operations than a snapshot is taken after, and yet none was written.
    expect(existsSync(join(changesDir(folder), 'replica.jsonl'))).toBe(false);

    const app = await openFolioService(folder, 'test', { host: 'web', search: { inThread: true } });
    await app.ready;
    const first = report.itemIds[0] as (typeof report.itemIds)[number];
    await app.api.library.updateItem(first, { csl: { title: 'Edited' } });
    await app.dispose();
    const snapshot = await readReplicaFile(changesDir(folder));
    expect(snapshot?.replica.items.size).toBe(ENTRIES);
    expect(snapshot?.through).toBeGreaterThan(ENTRIES);
    expect(snapshot?.replica.items.get(first)?.fields.get('csl.title')?.v).toBe('Edited');
  });
});
