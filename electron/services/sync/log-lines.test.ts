import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Item } from '../../../shared/model/item.ts';
import { itemCreateDraft } from '../../../shared/sync/capture.ts';
import { opLine, readOpLines } from '../../../shared/sync/op-lines.ts';
import type { JsonValue, SyncOp } from '../../../shared/sync/operations.ts';
import { importedTestItems } from '../../../tests/helpers/store-items.ts';
import { storedItemLine } from '../library-store/stored-lines.ts';
import { ChangeLog } from './change-log.ts';
import { wholeLogOp } from './log-lines.ts';

const DEVICE = 'd1a2b3c4d5e6f';
const ts = (n: number): string => `${String(1_764_633_600_000 + n).padStart(15, '0')}-000000-${DEVICE}`;

const imported = (bib: string): Item[] => importedTestItems(bib, 'test.bib', 'log');

const BIB = String.raw`@string{jt = {Journal of Things}}
@article{plain,
  author = {Müller, Anna and García, José},
  title = {{Attention} Is All You Need},
  journal = jt,
  abstract = {A long abstract over two lines, with a {Transformer}.},
  doi = {10.1000/x.1},
  year = 2017,
}
@inproceedings{latex,
  author = {van der Maaten, Laurens and {Barnes and Noble}},
  title = {\"{U}ber {T}ransformers},
  booktitle = {Proc. of Things},
}`;

function createOp(item: Item, n: number): SyncOp {
  return { ts: ts(n), chg: ts(n), ...itemCreateDraft(item) };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'folio-log-lines-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the change log line of a created item', () => {
  it("is written as the item's library.json line and reads back as the whole item", async () => {
    const items = imported(BIB);
    const ops = items.map((item, i) => createOp(item, i));
    const log = await ChangeLog.open(dir);
    await log.append(ops);
    const lines = (await readFile(join(dir, 'log-000000000000.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const [i, line] of lines.entries()) {
      const item = items[i] as Item;
      const record = JSON.parse(line) as { v: Record<string, unknown> };
      // The value's text is the very line library.json holds for the item.
      expect(JSON.stringify(record.v)).toBe(storedItemLine(item));
    }
    // The abstract is written once (in the source), not also in the CSL.
    expect(lines[0]?.length).toBeLessThan(opLine(ops[0] as SyncOp).length);
    expect(lines[0]?.split('A long abstract').length).toBe(2);
    expect(JSON.parse(lines[0] as string).v.cslFromSource).toMatchObject({ abstract: 'abstract', title: 'title' });

    const reopened = await ChangeLog.open(dir);
    expect(reopened.damaged).toEqual([]);
    expect(reopened.all().map((l) => l.op)).toEqual(ops);
  });

  it('reads a line written with the whole item and no id in its value, as logs were written before', async () => {
    const item = imported(BIB)[0] as Item;
    const { id: _id, ...rest } = item;
    const old: SyncOp = { ts: ts(1), chg: ts(1), e: 'item', id: item.id, k: 'create', v: rest as unknown as JsonValue };
    const read = readOpLines(opLine(old), DEVICE, 1, wholeLogOp);
    expect(read.problems).toEqual([]);
    expect(read.ops).toEqual([old]);
  });

  it("reads another device's segment line the same way, and rejects a stored item that does not add up", () => {
    const item = imported(BIB)[1] as Item;
    const op = createOp(item, 2);
    const line = `${JSON.stringify({ ...op, v: JSON.parse(storedItemLine(item)) as JsonValue })}\n`;
    expect(readOpLines(line, DEVICE, 1, wholeLogOp).ops).toEqual([op]);

    const stored = JSON.parse(storedItemLine(item)) as Record<string, unknown>;
    const spoilt = [
      { ...stored, id: 'it_other' },
      { ...stored, cslFromSource: { title: 'no-such-field' } },
      { ...stored, cslFromSource: { title: 'title' }, csl: { ...(stored.csl as object), title: 'both' } },
    ];
    const text = spoilt.map((v) => `${JSON.stringify({ ...op, v })}\n`).join('');
    const read = readOpLines(text, DEVICE, 1, wholeLogOp);
    expect(read.ops).toEqual([]);
    expect(read.problems.map((p) => p.line)).toEqual([1, 2, 3]);
    expect(read.problems[0]?.message).toMatch(/id is not the operation's/);
    expect(read.problems[1]?.message).toMatch(/no field "no-such-field"/);
    expect(read.problems[2]?.message).toMatch(/csl holds the variable too/);
  });

  it('writes a created value that is not an item in full, and it reads back unchanged', async () => {
    const item = imported(BIB)[0] as Item;
    const odd = { ...item, source: { ...item.source, macros: 'not a record' } } as unknown as Item;
    const op = createOp(odd, 3);
    const log = await ChangeLog.open(dir);
    await log.append([op]);
    const text = await readFile(join(dir, 'log-000000000000.jsonl'), 'utf8');
    expect(text).toBe(opLine(op));
    expect((await ChangeLog.open(dir)).all().map((l) => l.op)).toEqual([op]);
  });
});
