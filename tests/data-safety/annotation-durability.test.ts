import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { highlightDraft } from '../helpers/annotation-drafts.ts';
import { asBase64, doiPaper } from '../helpers/pdf-fixtures.ts';
import { webHostClient } from '../helpers/web-host-client.ts';
import { startWebHostProcess, type RunningHost } from '../helpers/web-host-process.ts';

const library = mkdtempSync(join(tmpdir(), 'folio-annotation-durability-'));
const hosts: RunningHost[] = [];
afterAll(async () => {
  for (const host of hosts) await host.stop();
  rmSync(library, { recursive: true, force: true });
});

async function start(): Promise<ReturnType<typeof webHostClient>> {
  const host = await startWebHostProcess(library);
  hosts.push(host);
  return webHostClient(host);
}

/** kill -9 of the host: no close, no flush, no compaction. */
async function killHard(): Promise<void> {
  const host = hosts.at(-1)!;
  const exited = new Promise((resolve) => host.process.once('exit', resolve));
  host.process.kill('SIGKILL');
  await exited;
}

describe('an annotation is durable when the call answers', () => {
  it('survives kill -9 of the web host right after it is created, and after it is edited', async () => {
    let client = await start();
    const { item } = await client.api.attachments.importPdf('he.pdf', asBase64(await doiPaper()), null);
    const made = await client.api.annotations.create(item.id, highlightDraft(item.attachments[0]!.id, { comment: 'made just before the crash: $x^2$' }));
    // Already in the fsynced journal when the answer came back.
    expect(readFileSync(join(library, 'library.journal'), 'utf8')).toContain(made.id);
    await killHard();

    client = await start();
    expect(await client.api.annotations.list(item.id)).toEqual([made]);
    const edited = await client.api.annotations.update(item.id, made.id, { color: 'purple', comment: 'edited just before the crash' });
    await killHard();

    client = await start();
    expect(await client.api.annotations.list(item.id)).toEqual([edited]);
    const note = await client.api.annotations.addToNote(item.id, null);
    await client.api.annotations.remove(item.id, [made.id]);
    await killHard();

    client = await start();
    expect(await client.api.annotations.list(item.id)).toEqual([]);
    expect(await client.api.notes.get(item.id)).toBe(note);
  });
});
