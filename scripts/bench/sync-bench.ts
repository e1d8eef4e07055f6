// The `sync` step of `npm run bench`: folding incoming operations into a large library, the size of the sync
// folder, and a new device joining from a snapshot.
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Item } from '../../shared/model/item.ts';
import type { ItemId } from '../../shared/model/ids.ts';
import { emptyLibraryDoc } from '../../shared/model/library-doc.ts';
import { KeyIndex } from '../../shared/library/key-index.ts';
import { encodeHlc, HybridClock } from '../../shared/sync/hlc.ts';
import { itemDrafts, stampChange } from '../../shared/sync/capture.ts';
import { opLine } from '../../shared/sync/op-lines.ts';
import { Replica } from '../../shared/sync/replica.ts';
import { replicaLines, replicaOps } from '../../shared/sync/replica-snapshot.ts';
import type { SyncOp } from '../../shared/sync/operations.ts';
import { createMemoryLibraryStore } from '../../electron/services/library-store/memory-library-store.ts';
import { EventHub } from '../../electron/services/event-hub.ts';
import { ServiceContext } from '../../electron/services/service-context.ts';
import { ChangeRecorder } from '../../electron/services/sync/change-recorder.ts';
import { SyncEngine } from '../../electron/services/sync/sync-engine.ts';
import { writeSnapshotFile } from '../../electron/services/sync/snapshot-files.ts';
import { longestBlock, round, timed } from './measure.ts';

function makeItem(i: number): Item {
  return {
    id: `it_bench${String(i).padStart(7, '0')}` as ItemId, citationKey: `author${i}paper`, keyPinned: false,
    csl: { type: 'article-journal', title: `A study of things number ${i}`, author: [{ family: `Author${i % 997}`, given: 'A.' }], issued: { 'date-parts': [[1990 + (i % 35)]] }, 'container-title': `Journal ${i % 300}` },
    tags: i % 3 === 0 ? ['ml'] : [], collections: [], read: 'unread', rating: 0, flagged: false,
    addedAt: '2025-01-01T00:00:00.000Z', modifiedAt: '2025-01-01T00:00:00.000Z', trashedAt: null, attachments: [], note: null, annotations: [],
  };
}

const bytesOf = (ops: Iterable<SyncOp>): number => {
  let n = 0;
  for (const op of ops) n += Buffer.byteLength(opLine(op));
  return n;
};

export async function benchSync(size = 50_000, incoming = 10_000, edits = 100_000): Promise<Record<string, unknown>> {
  const root = mkdtempSync(join(tmpdir(), 'folio-bench-sync-'));
  const items = Array.from({ length: size }, (_, i) => makeItem(i));
  const libraryDir = join(root, 'library');
  mkdirSync(libraryDir);
  const store = createMemoryLibraryStore({ ...emptyLibraryDoc(), items }, libraryDir);
  const ctx = new ServiceContext(store, new KeyIndex(store.items()), new EventHub());
  const recorder = new ChangeRecorder(store, () => undefined);
  ctx.commitObserver = recorder;
  const engine = new SyncEngine(ctx, recorder);
  const folder = join(root, 'Sync');
  await engine.configure(folder, 'Bench');
  const first = await timed(() => engine.syncNow());

  // Another device's 10,000 title edits, in its own segment.
  const other = 'bench-other';
  mkdirSync(join(folder, 'devices', other), { recursive: true });
  const ops: SyncOp[] = [];
  for (let i = 0; i < incoming; i++) {
    const ts = encodeHlc({ wall: Date.now() + 60_000, counter: i, device: other });
    ops.push({ ts, chg: ts, e: 'item', id: items[(i * 7919) % size]?.id as string, k: 'set', f: 'csl.title', v: `Edited elsewhere ${i}` });
  }
  writeFileSync(join(folder, 'devices', other, 'ops-000001.jsonl'), ops.map(opLine).join(''));
  const fold = await longestBlock(() => timed(() => engine.syncNow()));
  await recorder.close();

  // A new device joins the folder (the first device's snapshot, then the 10,000 operations after it).
  const joinDir = join(root, 'library-b');
  mkdirSync(joinDir);
  const storeB = createMemoryLibraryStore(emptyLibraryDoc(), joinDir);
  const ctxB = new ServiceContext(storeB, new KeyIndex(storeB.items()), new EventHub());
  const recorderB = new ChangeRecorder(storeB, () => undefined);
  ctxB.commitObserver = recorderB;
  const engineB = new SyncEngine(ctxB, recorderB);
  await engineB.configure(folder, 'Bench B');
  const joined = await longestBlock(() => timed(() => engineB.syncNow()));
  const joinedItems = [...storeB.items()].length;
  await recorderB.close();

  // The folder after 50k items and 100k edits, in pure code (what each device's log and snapshot hold).
  const clock = new HybridClock('bench-size', () => 1_764_000_000_000);
  const replica = new Replica();
  const log: SyncOp[] = [];
  for (const item of items) log.push(...stampChange(itemDrafts(undefined, item), clock, replica));
  for (let i = 0; i < edits; i++) {
    const item = items[(i * 104_729) % size] as Item;
    const after = i % 2 === 0 ? { ...item, csl: { ...item.csl, title: `Edit ${i}` } } : { ...item, read: (['read', 'reading', 'unread'] as const)[i % 3] ?? 'read' };
    log.push(...stampChange(itemDrafts(item, after), clock, replica));
  }
  const logBytes = bytesOf(log);
  const format1Bytes = bytesOf(replicaOps(replica));
  let format2Bytes = 0;
  for (const line of replicaLines(replica)) format2Bytes += Buffer.byteLength(line);
  const gzPath = join(root, 'snapshot.jsonl.gz');
  const written = await timed(() => writeSnapshotFile(gzPath, { snapshot: 2, covers: {}, devices: {} }, replica, true));
  const snapshotBytes = statSync(gzPath).size;
  const mb = (n: number): number => round(n / 1e6);
  return {
    items: size,
    firstExchangePublishMs: first.ms,
    firstExchangeSent: first.value.sent,
    fold10kIncoming: { ms: fold.value.ms, received: fold.value.value.received, longestBlockMs: fold.blockMs, longestBlockCpuMs: fold.blockCpuMs, targetBlockMs: 50 },
    folderAfter50kItems100kEdits: {
      logOnlyMB: mb(logBytes),
      snapshotMB: mb(snapshotBytes),
      logPlusSnapshotMB: mb(logBytes + snapshotBytes),
      snapshotUncompressedMB: mb(format2Bytes),
      snapshotFormat1MB: mb(format1Bytes),
      snapshotWriteMs: written.ms,
      operations: log.length,
    },
    newDeviceJoinFromSnapshot: { ms: joined.value.ms, longestBlockMs: joined.blockMs, longestBlockCpuMs: joined.blockCpuMs, received: joined.value.value.received, items: joinedItems },
  };
}

if (import.meta.main) process.stdout.write(`${JSON.stringify(await benchSync(Number(process.env.FOLIO_BENCH_SYNC_SIZE ?? 50_000)), null, 2)}\n`);
