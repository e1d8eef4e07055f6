import { appendFileSync, mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../../shared/sync/hlc.ts';
import type { SyncOp } from '../../../shared/sync/operations.ts';
import { readOtherDevices } from './folder-logs.ts';

const op = (wall: number, device: string, title: string): SyncOp => {
  const ts = encodeHlc({ wall, counter: 0, device });
  return { ts, chg: ts, e: 'item', id: 'it_1', k: 'set', f: 'csl.title', v: title };
};
const line = (o: unknown) => `${JSON.stringify(o)}\n`;

function folder(): { root: string; dir: string } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'folio-folder-')));
  const dir = join(root, 'devices', 'dev-b');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'device.json'), JSON.stringify({ deviceId: 'dev-b', name: 'Desktop' }));
  return { root, dir };
}

describe('reading another device\'s folder', () => {
  it('waits for a torn last line, then reads it once complete', async () => {
    const { root, dir } = folder();
    const second = line(op(2, 'dev-b', 'two'));
    writeFileSync(join(dir, 'ops-000001.jsonl'), line(op(1, 'dev-b', 'one')) + second.slice(0, 15));
    const first = await readOtherDevices(root, root, 'dev-a', {});
    expect(first.devices[0]?.ops.map((o) => o.v)).toEqual(['one']);
    appendFileSync(join(dir, 'ops-000001.jsonl'), second.slice(15));
    const next = await readOtherDevices(root, root, 'dev-a', first.cursors);
    expect(next.devices[0]?.ops.map((o) => o.v)).toEqual(['two']);
    expect(next.problems).toEqual([]);
  });

  it('reads conflict copies and out-of-order segments as extra input, and a shrunk file again from the start', async () => {
    const { root, dir } = folder();
    writeFileSync(join(dir, 'ops-000002.jsonl'), line(op(5, 'dev-b', 'later')));
    writeFileSync(join(dir, 'ops-000001.sync-conflict-20260101-101010-ABCDEFG.jsonl'), line(op(3, 'dev-b', 'copy')));
    writeFileSync(join(dir, 'ops-000001 (conflicted copy 2026-01-01).jsonl'), line(op(4, 'dev-b', 'dropbox')));
    const read = await readOtherDevices(root, root, 'dev-a', {});
    expect(read.devices[0]?.ops.map((o) => o.v).sort()).toEqual(['copy', 'dropbox', 'later']);
    writeFileSync(join(dir, 'ops-000001.jsonl'), line(op(1, 'dev-b', 'one')) + line(op(2, 'dev-b', 'two')));
    const withFirst = await readOtherDevices(root, root, 'dev-a', read.cursors);
    truncateSync(join(dir, 'ops-000001.jsonl'), line(op(1, 'dev-b', 'one')).length);
    const restored = await readOtherDevices(root, root, 'dev-a', withFirst.cursors);
    expect(restored.devices[0]?.ops.map((o) => o.v)).toEqual(['one']);
  });

  it('names the device, file and line of a hostile record and reads the rest', async () => {
    const { root, dir } = folder();
    const proto = line(op(1, 'dev-b', 'x')).replace('"v":"x"', '"v":{"__proto__":{"admin":true}}');
    writeFileSync(join(dir, 'ops-000001.jsonl'), proto + line(op(2, 'dev-b', 'fine')));
    const read = await readOtherDevices(root, root, 'dev-a', {});
    expect(read.devices[0]?.ops.map((o) => o.v)).toEqual(['fine']);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatchObject({ deviceId: 'dev-b', file: 'devices/dev-b/ops-000001.jsonl', line: 1 });
    expect(read.problems[0]?.message).toMatch(/^Desktop \(dev-b\), devices\/dev-b\/ops-000001\.jsonl line 1: .*__proto__/);
  });

  it('ignores a device folder that is a link leading outside the sync folder', async () => {
    const { root } = folder();
    const outside = mkdtempSync(join(tmpdir(), 'folio-outside-'));
    writeFileSync(join(outside, 'ops-000001.jsonl'), line(op(1, 'dev-c', 'outside')));
    symlinkSync(outside, join(root, 'devices', 'dev-c'));
    const read = await readOtherDevices(root, root, 'dev-a', {});
    expect(read.devices.map((d) => d.deviceId)).toEqual(['dev-b']);
  });
});
