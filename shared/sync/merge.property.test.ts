import { describe, expect, it } from 'vitest';
import type { Item } from '../model/item.ts';
import type { Collection } from '../model/collection.ts';
import { DEFAULT_SETTINGS } from '../model/library-doc.ts';
import { HybridClock } from './hlc.ts';
import { canonicalJson, registerKey, type JsonValue, type SyncOp } from './operations.ts';
import { Replica } from './replica.ts';
import { collectionDrafts, itemDrafts, settingsDrafts, stampChange, type OpDraft } from './capture.ts';
import { materialiseCollections, materialiseItem, materialiseLibrary } from './materialise.ts';
import { opLine, readOpLines } from './op-lines.ts';
import { seededRandom } from '../../tests/fixtures/bib/synthetic-bib.ts';


const HOUR = 3600_000;

class SimDevice {
  readonly replica = new Replica();
  readonly clock: HybridClock;
  log = '';
  readonly own: SyncOp[] = [];
  readonly cursors = new Map<string, number>();
  readonly id: string;

  constructor(id: string, time: () => number, skew: number) {
    this.id = id;
    this.clock = new HybridClock(id, () => time() + skew);
  }

  commit(drafts: OpDraft[]): void {
    if (drafts.length === 0) return;
    const ops = stampChange(drafts, this.clock, this.replica);
    for (const op of ops) this.log += opLine(op);
    this.own.push(...ops);
  }

  apply(ops: SyncOp[]): void {
    for (const op of ops) {
      this.clock.receive(op.ts);
      this.replica.apply(op);
    }
  }

  items(): Item[] {
    const out: Item[] = [];
    for (const [id, rec] of this.replica.items) {
      const item = materialiseItem(id, rec);
      if (item) out.push(item);
    }
    return out;
  }
}

function pick<T>(rng: () => number, list: readonly T[]): T | undefined {
  return list.length === 0 ? undefined : list[Math.floor(rng() * list.length)];
}

const TAGS = ['ml', 'nlp', 'vision', 'toread', 'survey'];

function randomEdit(rng: () => number, device: SimDevice, serial: () => number, now: () => string): void {
  const items = device.items();
  const colls = materialiseCollections(device.replica);
  const item = pick(rng, items);
  const roll = rng();
  if (roll < 0.12 || !item) {
    const n = serial();
    const created: Item = {
      id: `it_${device.id}_${n}` as Item['id'], citationKey: `smith${2000 + (n % 3)}`, keyPinned: false,
      csl: { type: 'article-journal', title: `Paper ${n}` }, tags: [pick(rng, TAGS) as string], collections: [], read: 'unread', rating: 0,
      flagged: false, addedAt: now(), modifiedAt: now(), trashedAt: null, attachments: [], note: null, annotations: [],
    };
    device.commit(itemDrafts(undefined, created));
    return;
  }
  const edit = (after: Item): void => device.commit(itemDrafts(item, { ...after, modifiedAt: now() }));
  if (roll < 0.35) edit({ ...item, csl: { ...item.csl, title: `Title ${Math.floor(rng() * 1000)}` } });
  else if (roll < 0.45) edit({ ...item, csl: { ...item.csl, issued: { 'date-parts': [[1990 + Math.floor(rng() * 30)]] } } });
  else if (roll < 0.52) edit({ ...item, read: pick(rng, ['unread', 'reading', 'read'] as const) ?? 'read' });
  else if (roll < 0.64) {
    const tag = pick(rng, TAGS) as string;
    edit({ ...item, tags: item.tags.includes(tag) ? item.tags.filter((t) => t !== tag) : [...item.tags, tag] });
  } else if (roll < 0.7) edit({ ...item, trashedAt: item.trashedAt ? null : now() });
  else if (roll < 0.72) device.commit([{ e: 'item', id: item.id, k: 'delete' }]);
  else if (roll < 0.78) {
    const coll = pick(rng, colls);
    if (!coll) return;
    edit({ ...item, collections: item.collections.includes(coll.id) ? item.collections.filter((c) => c !== coll.id) : [...item.collections, coll.id] });
  } else if (roll < 0.84) {
    const id = `ann_${Math.floor(rng() * 6)}`;
    const exists = item.annotations.find((a) => a.id === id);
    const annotations = exists && rng() < 0.4
      ? item.annotations.filter((a) => a.id !== id)
      : [...item.annotations.filter((a) => a.id !== id), {
        id, attachmentId: 'att_1', type: 'highlight', color: 'yellow', pageIndex: Math.floor(rng() * 5), pageLabel: '1', quads: [], rect: [0, 0, 1, 1],
        text: 'quoted', prefix: '', suffix: '', textOffset: -1, comment: `c${Math.floor(rng() * 100)}`, tags: [], createdAt: now(), modifiedAt: now(),
      } as unknown as Item['annotations'][number]];
    edit({ ...item, annotations });
  } else if (roll < 0.9) {
    const coll = pick(rng, colls);
    const r = rng();
    if (!coll || r < 0.3) {
      const c: Collection = { id: `col_${device.id}_${serial()}` as Collection['id'], name: 'New', parentId: coll?.id ?? null, createdAt: now() };
      device.commit(collectionDrafts(undefined, c));
    } else if (r < 0.6) device.commit(collectionDrafts(coll, { ...coll, name: `Name ${Math.floor(rng() * 50)}` }));
    else if (r < 0.85) device.commit(collectionDrafts(coll, { ...coll, parentId: pick(rng, colls)?.id ?? null }));
    else device.commit([{ e: 'coll', id: coll.id, k: 'delete' }]);
  } else {
    const before = materialiseLibrary(device.replica).settings;
    device.commit(settingsDrafts(before, { ...before, citeCommand: pick(rng, ['cite', 'citep', 'autocite']) ?? 'cite' }));
  }
}

/** Delivers part of `from`'s log to `to`: a torn prefix, sometimes out of order, sometimes again. */
function deliver(rng: () => number, from: SimDevice, to: SimDevice, everything: boolean): void {
  let cursor = to.cursors.get(from.id) ?? 0;
  if (!everything && rng() < 0.1) cursor = 0; // a folder restored from a backup, or a re-read: duplicates
  const full = from.log;
  const visible = everything ? full.length : cursor + Math.floor(rng() * (full.length - cursor + 1));
  const read = readOpLines(full.slice(cursor, visible), from.id);
  expect(read.problems).toEqual([]);
  if (!everything && rng() < 0.3 && read.ops.length > 2) {
    // A later segment arrives before an earlier one: apply a shuffled tail first.
    const tail = read.ops.slice(Math.floor(read.ops.length / 2));
    to.apply([...tail].sort(() => rng() - 0.5));
  }
  to.apply(read.ops);
  to.cursors.set(from.id, cursor + read.consumed);
}

function libraryText(device: SimDevice): string {
  const lib = materialiseLibrary(device.replica, DEFAULT_SETTINGS);
  const items = [...lib.items.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  return canonicalJson({ items, collections: lib.collections, settings: lib.settings } as unknown as JsonValue);
}

function run(seed: number, steps: number): SimDevice[] {
  // Seeded (mulberry32): every failure names its seed and replays exactly.
  const rng = seededRandom(seed);
  let time = 1_764_000_000_000;
  let n = 0;
  const devices = [
    new SimDevice('dev-a', () => time, 0),
    new SimDevice('dev-b', () => time, -3 * HOUR - Math.floor(rng() * HOUR)),
    new SimDevice('dev-c', () => time, 5 * HOUR),
  ];
  const now = () => new Date(time).toISOString();
  for (let step = 0; step < steps; step++) {
    time += Math.floor(rng() * 2000);
    const device = devices[Math.floor(rng() * devices.length)] as SimDevice;
    if (rng() < 0.7) randomEdit(rng, device, () => n++, now);
    else {
      const peer = pick(rng, devices.filter((d) => d !== device)) as SimDevice;
      deliver(rng, peer, device, false);
    }
  }
  for (let round = 0; round < 2; round++) {
    for (const to of devices) for (const from of devices) if (from !== to) deliver(rng, from, to, true);
  }
  return devices;
}

describe('merge of three devices', () => {
  for (let seed = 1; seed <= 25; seed++) {
    it(`converges, seed ${seed}`, () => {
      const devices = run(seed, 400);
      const texts = devices.map(libraryText);
      expect(texts[1]).toBe(texts[0]);
      expect(texts[2]).toBe(texts[0]);
      const replica = (devices[0] as SimDevice).replica;
      // No acknowledged operation is lost: each is the winner of its register, or lost to a later one, or its entity was purged.
      for (const device of devices) {
        for (const op of device.own) {
          if (replica.isDeleted(op.e, op.id)) continue;
          if (op.k === 'delete') throw new Error(`delete ${op.ts} was lost`);
          if (op.k === 'create') {
            expect(replica.record(op.e, op.id)?.created, registerKey(op)).not.toBeNull();
            continue;
          }
          const reg = replica.register(op.e, op.id, op.f ?? '', op.k === 'elem' ? op.key : undefined);
          expect(reg, registerKey(op)).toBeDefined();
          expect(reg && reg.ts >= op.ts, `${op.ts} lost to nothing`).toBe(true);
          if (reg?.ts === op.ts) expect(canonicalJson(reg.v)).toBe(canonicalJson(op.v ?? null));
        }
      }
    });
  }

  it('keeps keys unique across devices, the first created keeping its key', () => {
    const devices = run(7, 300);
    const lib = materialiseLibrary((devices[0] as SimDevice).replica);
    const keys = [...lib.items.values()].map((i) => i.citationKey.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('snapshots', () => {
  it('rebuild the same library from a replica written as operations', async () => {
    const { replicaOps, replicaFromOps } = await import('./replica-snapshot.ts');
    const devices = run(11, 300);
    const replica = (devices[0] as SimDevice).replica;
    const text = [...replicaOps(replica)].map(opLine).join('');
    const read = readOpLines(text, null);
    expect(read.problems).toEqual([]);
    expect(libraryText({ replica: replicaFromOps(read.ops) } as SimDevice)).toBe(libraryText(devices[0] as SimDevice));
  });

  it('rebuild the very same registers from the compact format (format 2), a tag named "prototype" included', async () => {
    const { replicaOps, replicaLines, readSnapshotLines } = await import('./replica-snapshot.ts');
    const { Replica } = await import('./replica.ts');
    const devices = run(12, 300);
    const replica = (devices[0] as SimDevice).replica;
    const [someId] = replica.items.keys();
    expect(someId).toBeDefined();
    replica.apply({ ts: '009999999999999-000000-dev-a', chg: '009999999999999-000000-dev-a', e: 'item', id: someId as string, k: 'elem', f: 'tags', key: 'prototype', v: true });
    const text = [...replicaLines(replica)].join('');
    const rebuilt = new Replica();
    const read = readSnapshotLines(text, 1, (op) => rebuilt.apply(op));
    expect(read.problems).toEqual([]);
    const registers = (r: InstanceType<typeof Replica>): string[] => [...replicaOps(r)].map(opLine).sort();
    expect(registers(rebuilt)).toEqual(registers(replica));
    expect(libraryText({ replica: rebuilt } as SimDevice)).toBe(libraryText({ replica } as SimDevice));
    expect(text.length).toBeLessThan([...replicaOps(replica)].map(opLine).join('').length / 2);
  });

  it('reject a hostile compact line and keep the rest', async () => {
    const { readSnapshotLines } = await import('./replica-snapshot.ts');
    const ts = '001764633600000-000000-dev-a';
    const good = JSON.stringify({ e: 'item', id: 'it_ok', t: [ts], c: 0, f: { 'csl.title': ['T', 0] } });
    const lines = [
      JSON.stringify({ e: 'item', id: 'it_bad', t: [ts], c: 0, f: { 'csl.title': ['T', 5] } }),
      JSON.stringify({ e: 'item', id: '../x', t: [ts], c: 0 }),
      '{"e":"item","id":"it_p","t":["' + ts + '"],"f":{"__proto__":["x",0]}}',
      JSON.stringify({ e: 'item', id: 'it_f', t: [ts], f: { nonsense: [1, 0] } }),
      good,
    ];
    const ops: string[] = [];
    const read = readSnapshotLines(lines.map((l) => `${l}\n`).join(''), 1, (op) => ops.push(op.id));
    expect(read.problems.map((p) => p.line)).toEqual([1, 2, 3, 4]);
    expect(ops).toEqual(['it_ok', 'it_ok']);
  });
});

describe('key claims', () => {
  it('settle as resolveKeyCollisions over every claim, as operations arrive', async () => {
    const { resolveKeyCollisions } = await import('./key-collisions.ts');
    for (const seed of [3, 7, 19]) {
      const devices = run(seed, 300);
      const replica = (devices[0] as SimDevice).replica;
      const claims = [...replica.items].flatMap(([id, rec]) => {
        const key = rec.fields.get('citationKey')?.v;
        return rec.created !== null && typeof key === 'string' ? [{ id, key, created: rec.created }] : [];
      });
      const byId = (list: Array<{ id: string }>): Array<{ id: string }> => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(byId(replica.keys.settle())).toEqual(byId(resolveKeyCollisions(claims)));
    }
  });
});
